{{%AUTOESCAPE context="HTML"}}
{{#QUESTION}}
<section class="govuk-!-margin-bottom-8" aria-labelledby="result-{{NUMBER}}">
<h2 class="govuk-heading-m" id="result-{{NUMBER}}">{{NUMBER}}. {{PROMPT}}</h2>
{{#CHOICE}}
{{#FIRST_PREFERENCES}}<h3 class="govuk-heading-s">First preferences</h3>{{/FIRST_PREFERENCES}}
{{#CHART}}
<svg class="tandem-chart" width="100%" viewBox="0 0 640 {{HEIGHT}}" role="img" aria-labelledby="chart-{{ID}}" focusable="false">
<title id="chart-{{ID}}">Bar chart of the answers to “{{PROMPT}}”; the table below gives the same figures.</title>
{{#BAR}}<text x="0" y="{{TY}}" font-size="15" fill="#0b0c0c">{{SHORT}}</text><rect x="250" y="{{Y}}" width="{{W}}" height="22" fill="#0b5d5e"></rect><text x="{{TX}}" y="{{TY}}" font-size="15" fill="#0b0c0c">{{VOTES}} ({{PCT}}%)</text>
{{/BAR}}</svg>
{{/CHART}}
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">The figures{{#FIRST_PREFERENCES}} of first preferences{{/FIRST_PREFERENCES}}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Answer</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Votes</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Per cent of voters</th></tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{LABEL}}</th><td class="govuk-table__cell govuk-table__cell--numeric">{{VOTES}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{PCT}}%</td></tr>
{{/ROW}}
</tbody>
</table>
{{#MEAN}}<p class="govuk-body">Average rating: <strong>{{VALUE}}</strong> out of 5.</p>{{/MEAN}}
{{/CHOICE}}
{{#RUNOFF}}
<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--s">Instant run-off, round by round</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Round</th>{{#HEAD}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">{{LABEL}}</th>{{/HEAD}}<th scope="col" class="govuk-table__header govuk-table__header--numeric">No preference left</th><th scope="col" class="govuk-table__header">Outcome</th></tr></thead>
<tbody class="govuk-table__body">
{{#ROUND}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{N}}</th>{{#CELL}}<td class="govuk-table__cell govuk-table__cell--numeric">{{VALUE}}</td>{{/CELL}}<td class="govuk-table__cell govuk-table__cell--numeric">{{EXHAUSTED}}</td><td class="govuk-table__cell">{{OUTCOME}}</td></tr>
{{/ROUND}}
</tbody>
</table>
<p class="govuk-body"><strong>{{WINNER}}</strong></p>
{{/RUNOFF}}
{{#TEXT}}
{{#NO_ANSWERS}}<p class="govuk-body">No written answers yet.</p>{{/NO_ANSWERS}}
<ul class="govuk-list tandem-answers">
{{#ANSWER}}<li class="govuk-inset-text govuk-!-margin-top-2 govuk-!-margin-bottom-2"><span class="tandem-words">{{BODY}}</span>{{#BY}}<br><span class="tandem-muted">{{NAME}}</span>{{/BY}}</li>
{{/ANSWER}}
</ul>
{{#MORE_IN_CSV}}<p class="govuk-body">The first 25 answers are shown: the CSV download has them all.</p>{{/MORE_IN_CSV}}
{{/TEXT}}
</section>
{{/QUESTION}}
<h2 class="govuk-heading-m">Turnout</h2>
<table class="govuk-table">
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Group</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Could vote</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Voted</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Turnout</th></tr></thead>
<tbody class="govuk-table__body">
{{#TURNOUT}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{NAME}}</th><td class="govuk-table__cell govuk-table__cell--numeric">{{OF}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{VOTED}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{PCT}}%</td></tr>
{{/TURNOUT}}
</tbody>
</table>
