{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
</ol>
</nav>
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<h1 class="govuk-heading-l">Leadership plans</h1>
<p class="govuk-body">Middle managers keep a Personalised Leadership Plan each academic year. Here you set what their plans draw on: the instruments they record psychometric results with, and the development themes their goals are about.</p>

<h2 class="govuk-heading-m" id="instruments">Instruments</h2>
<p class="govuk-body">An instrument gives either scores on scales (a team-role inventory, a strengths profile) or a type (a personality type indicator). Its scales or types cannot be changed or removed once results use them: to change one, archive the instrument and add a new one. More can be added on its page until colleagues have answered it in a 360-degree feedback round. An archived instrument takes no new results, and the results recorded with it stay in the plans.</p>
<a class="govuk-button" href="/admin/leadership/instruments/new" role="button" draggable="false">Add an instrument</a>
{{#HAS_INSTRUMENTS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="instruments-caption" tabindex="0">
<table class="govuk-table" id="instruments-table">
<caption id="instruments-caption" class="govuk-table__caption govuk-table__caption--s">The college's instruments</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">What a result gives</th>
<th scope="col" class="govuk-table__header">Scales or types</th>
<th scope="col" class="govuk-table__header">360-degree feedback</th>
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Results</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#INSTRUMENT}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere"><a class="govuk-link" href="/admin/leadership/instruments/{{ID}}">{{NAME}}</a>{{#DESCRIPTION}}<br><span class="govuk-body-s govuk-!-font-weight-regular">{{TEXT}}</span>{{/DESCRIPTION}}</th>
<td class="govuk-table__cell">{{KIND}}</td>
<td class="govuk-table__cell">{{ITEMS}}</td>
<td class="govuk-table__cell">{{FEEDBACK}}</td>
<td class="govuk-table__cell govuk-table__cell--numeric">{{RESULTS}}</td>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
<td class="govuk-table__cell">{{#IN_USE}}In use{{/IN_USE}}{{#ARCHIVED}}<strong class="govuk-tag govuk-tag--grey">Archived</strong>{{/ARCHIVED}}</td>
<td class="govuk-table__cell">
{{#IN_USE}}<form method="post" action="/admin/leadership/instruments/{{ID}}/archive" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Archive<span class="govuk-visually-hidden"> {{NAME}}</span></button>
</form>{{/IN_USE}}
{{#ARCHIVED}}<form method="post" action="/admin/leadership/instruments/{{ID}}/restore" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Restore<span class="govuk-visually-hidden"> {{NAME}}</span></button>
</form>{{/ARCHIVED}}
</td>
</tr>
{{/INSTRUMENT}}
</tbody>
</table>
</div>
{{/HAS_INSTRUMENTS}}
{{#NO_INSTRUMENTS}}<p class="govuk-body">There are no instruments yet.</p>{{/NO_INSTRUMENTS}}

<h2 class="govuk-heading-m" id="themes">Development themes</h2>
<p class="govuk-body">Each development goal can name the theme it is about, such as leading change or coaching staff. The college's leadership view counts goals by theme. An archived theme is not offered for new goals; goals that already name it keep it.</p>
{{#HAS_THEMES}}
<div class="tandem-table-scroll" role="region" aria-labelledby="themes-caption" tabindex="0">
<table class="govuk-table" id="themes-table">
<caption id="themes-caption" class="govuk-table__caption govuk-table__caption--s">The college's development themes</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Theme</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
<th scope="col" class="govuk-table__header govuk-table__header--numeric">Goals</th>
<th scope="col" class="govuk-table__header">Status</th>
<th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#THEME}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere">{{NAME}}</th>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
<td class="govuk-table__cell govuk-table__cell--numeric">{{GOALS}}</td>
<td class="govuk-table__cell">{{#IN_USE}}In use{{/IN_USE}}{{#ARCHIVED}}<strong class="govuk-tag govuk-tag--grey">Archived</strong>{{/ARCHIVED}}</td>
<td class="govuk-table__cell">
{{#IN_USE}}<form method="post" action="/admin/leadership/themes/{{ID}}/archive" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Archive<span class="govuk-visually-hidden"> {{NAME}}</span></button>
</form>{{/IN_USE}}
{{#ARCHIVED}}<form method="post" action="/admin/leadership/themes/{{ID}}/restore" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Restore<span class="govuk-visually-hidden"> {{NAME}}</span></button>
</form>{{/ARCHIVED}}
</td>
</tr>
{{/THEME}}
</tbody>
</table>
</div>
{{/HAS_THEMES}}
{{#NO_THEMES}}<p class="govuk-body">There are no development themes yet.</p>{{/NO_THEMES}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<form method="post" action="/admin/leadership/themes" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#THEME_SITE}}
<div class="govuk-form-group{{#INSTITUTION_ID_ERROR}} govuk-form-group--error{{/INSTITUTION_ID_ERROR}}">
<label class="govuk-label govuk-label--s" for="institution_id">College</label>
{{#INSTITUTION_ID_ERROR}}<p id="institution_id-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/INSTITUTION_ID_ERROR}}
<select class="govuk-select{{#INSTITUTION_ID_ERROR}} govuk-select--error{{/INSTITUTION_ID_ERROR}}" id="institution_id" name="institution_id"{{#INSTITUTION_ID_ERROR}} aria-describedby="institution_id-error"{{/INSTITUTION_ID_ERROR}}>
<option value="">Choose a college</option>
{{#COLLEGES}}{{#COLLEGE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COLLEGE}}{{/COLLEGES}}
</select>
</div>
{{/THEME_SITE}}
<div class="govuk-form-group{{#THEME_NAME_ERROR}} govuk-form-group--error{{/THEME_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="theme_name">Add a development theme</label>
<div id="theme_name-hint" class="govuk-hint">Up to 100 characters, for example Leading change</div>
{{#THEME_NAME_ERROR}}<p id="theme_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/THEME_NAME_ERROR}}
<input class="govuk-input{{#THEME_NAME_ERROR}} govuk-input--error{{/THEME_NAME_ERROR}}" id="theme_name" name="name" type="text" value="{{THEME_NAME}}" maxlength="100" aria-describedby="theme_name-hint{{#THEME_NAME_ERROR}} theme_name-error{{/THEME_NAME_ERROR}}">
</div>
<button type="submit" class="govuk-button">Add theme</button>
</form>
</div>
</div>

<h2 class="govuk-heading-m" id="departments">Departments</h2>
<p class="govuk-body">The leadership view counts plans by the department of their owner. Set each person's department on their page under <a class="govuk-link" href="/admin/users">People</a>.</p>
{{#HAS_DEPARTMENTS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="departments-caption" tabindex="0">
<table class="govuk-table" id="departments-table">
<caption id="departments-caption" class="govuk-table__caption govuk-table__caption--s">Departments named on active people's records</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Department</th>
{{#SITE}}<th scope="col" class="govuk-table__header">College</th>{{/SITE}}
<th scope="col" class="govuk-table__header govuk-table__header--numeric">People</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#DEPARTMENT}}
<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header tandem-break-anywhere">{{NAME}}</th>
{{#SITE}}<td class="govuk-table__cell">{{COLLEGE}}</td>{{/SITE}}
<td class="govuk-table__cell govuk-table__cell--numeric">{{PEOPLE}}</td>
</tr>
{{/DEPARTMENT}}
</tbody>
</table>
</div>
{{/HAS_DEPARTMENTS}}
{{#NO_DEPARTMENTS}}<p class="govuk-body">No one's department has been given yet.</p>{{/NO_DEPARTMENTS}}
