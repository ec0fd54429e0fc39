{{%AUTOESCAPE context="HTML"}}
<span class="govuk-caption-l">{{COLLEGE}}</span>
<h1 class="govuk-heading-l">Leadership plans across the college</h1>
<p class="govuk-body">How middle managers' Personalised Leadership Plans are going in {{YEAR}}: goals, development activities and reviews, by the department of each plan's owner. Only totals are shown, never one person's plan.</p>
<p class="govuk-body">So that no one's plan can be picked out, every row counts at least {{MIN}} plans that you cannot open yourself. Plans you can already read (your own, those of the people you line-manage and those shared with you) do not count towards the {{MIN}}, because you could take them away from a total and see what is left. Departments with fewer are counted together as “Other departments”.</p>
<form method="get" action="/leadership/college" novalidate>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="year">Academic year</label>
<select class="govuk-select" id="year" name="year">
{{#YEAR_OPTION}}<option value="{{YEAR}}"{{#SELECTED}} selected{{/SELECTED}}>{{YEAR}}</option>
{{/YEAR_OPTION}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Show</button>
</div>
</form>
{{#NO_PLANS}}<p class="govuk-body">There are no leadership plans for {{YEAR}} yet.</p>{{/NO_PLANS}}
{{#LEFT_OUT}}
<div class="govuk-inset-text" id="left-out">{{WHAT}} {{VERB}} not counted anywhere on this page, not even in the college's totals. They are in departments that between them have fewer than {{MIN}} plans you cannot already read, and figures about so few people could tell whose plans they are.</div>
{{/LEFT_OUT}}
{{#FIGURES}}
<h2 class="govuk-heading-m">Goals</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="goals-by-department-caption" tabindex="0">
<table class="govuk-table" id="goals-by-department">
<caption id="goals-by-department-caption" class="govuk-table__caption govuk-table__caption--s">Plans and their development goals by department, {{YEAR}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Department</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Plans</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Goals not started</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">In progress</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Achieved</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Dropped</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#GOAL_ROW}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere">{{NAME}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{PLANS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{NOT_STARTED}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{IN_PROGRESS}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{ACHIEVED}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{DROPPED}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{OVERDUE}}</td>
</tr>
{{/GOAL_ROW}}
</tbody>
</table>
</div>
<p class="govuk-body-s">Overdue: goals not started or in progress whose date has passed.</p>
{{#CHART}}
<figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="210" viewBox="0 0 600 210" role="img" aria-labelledby="chart-title chart-desc" focusable="false">
<title id="chart-title">The college's goals by status</title>
<desc id="chart-desc">{{SUMMARY}}</desc>
{{#BAR}}<text x="0" y="{{TEXT_Y}}" fill="#0b0c0c" font-family="Arial, sans-serif" font-size="16">{{LABEL}}</text>
<rect x="130" y="{{Y}}" width="{{WIDTH}}" height="28" fill="{{COLOUR}}"/>
<text x="{{COUNT_X}}" y="{{TEXT_Y}}" fill="#0b0c0c" font-family="Arial, sans-serif" font-size="16" font-weight="bold">{{COUNT}}</text>
{{/BAR}}
</svg>
<figcaption class="govuk-body-s">The college's goals by status (all departments shown); the figures are in the last row of the table above.</figcaption>
</figure>
{{/CHART}}
<h2 class="govuk-heading-m">Development</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="development-by-department-caption" tabindex="0">
<table class="govuk-table" id="development-by-department">
<caption id="development-by-department-caption" class="govuk-table__caption govuk-table__caption--s">Development activities and reviews by department, {{YEAR}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Department</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Activities</th>
<th scope="col" class="govuk-table__header">Most common kind of activity</th>
<th scope="col" class="govuk-table__header">Most common theme of goals</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Reviews held</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#DEVELOPMENT_ROW}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere">{{NAME}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{ACTIVITIES}}</td>
<td class="govuk-table__cell{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{TOP_KIND}}</td>
<td class="govuk-table__cell tandem-break-anywhere{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{TOP_THEME}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric{{#TOTAL}} govuk-!-font-weight-bold{{/TOTAL}}">{{REVIEWS}}</td>
</tr>
{{/DEVELOPMENT_ROW}}
</tbody>
</table>
</div>
<h2 class="govuk-heading-m">Themes and kinds of activity</h2>
{{#RANKINGS}}<p class="govuk-body">A theme or kind of activity found in fewer than {{MIN}} plans you cannot already read is counted under “Other themes” or “Other kinds”, with the next least common one if that is needed to make {{MIN}}. So their goals and activities add up to the totals above.</p>{{/RANKINGS}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-half">
{{#THEMES}}
<div class="tandem-table-scroll" role="region" aria-labelledby="themes-caption" tabindex="0">
<table class="govuk-table" id="themes">
<caption id="themes-caption" class="govuk-table__caption govuk-table__caption--s">Development themes, most common first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Theme</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Goals</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Plans</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#THEME}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere">{{NAME}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric">{{COUNT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{PLANS}}</td>
</tr>
{{/THEME}}
</tbody>
</table>
</div>
{{/THEMES}}
{{#NO_THEMES}}<h3 class="govuk-heading-s">Development themes</h3>
<p class="govuk-body" id="no-themes">Not shown: fewer than {{MIN}} of the plans counted here that you cannot already read have goals, too few to say which themes they chose.</p>{{/NO_THEMES}}
</div>
<div class="govuk-grid-column-one-half">
{{#KINDS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="kinds-caption" tabindex="0">
<table class="govuk-table" id="kinds">
<caption id="kinds-caption" class="govuk-table__caption govuk-table__caption--s">Kinds of development activity, most common first</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Kind</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Activities</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Plans</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#KIND}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere">{{NAME}}</th>
<td class="govuk-table__cell govuk-table__cell--numeric">{{COUNT}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{PLANS}}</td>
</tr>
{{/KIND}}
</tbody>
</table>
</div>
{{/KINDS}}
{{#NO_KINDS}}<h3 class="govuk-heading-s">Kinds of development activity</h3>
<p class="govuk-body" id="no-kinds">Not shown: fewer than {{MIN}} of the plans counted here that you cannot already read have activities, too few to say which kinds they chose.</p>{{/NO_KINDS}}
</div>
</div>
{{/FIGURES}}
