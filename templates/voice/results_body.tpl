{{%AUTOESCAPE context="HTML"}}
{{#QUESTION}}
<section class="govuk-!-margin-bottom-8" aria-labelledby="result-{{NUMBER}}">
<h2 class="govuk-heading-m" id="result-{{NUMBER}}">{{NUMBER}}. {{PROMPT}}</h2>
{{#CHOICE}}
{{#FIRST_PREFERENCES}}<h3 class="govuk-heading-s">First preferences</h3>{{/FIRST_PREFERENCES}}
{{#CHART}}
<svg class="tandem-chart" width="100%" viewBox="0 0 640 {{HEIGHT}}" role="img" aria-labelledby="chart-{{ID}}" focusable="false">
<title id="chart-{{ID}}">Bar chart of the answers to “{{PROMPT}}”; the table below gives the same figures.</title>
{{#BAR}}<text x="0" y="{{TY}}">{{SHORT}}</text><rect x="250" y="{{Y}}" width="{{W}}" height="22"></rect><text x="{{TX}}" y="{{TY}}">{{VOTES}} ({{PCT}}%)</text>
{{/BAR}}</svg>
{{/CHART}}
<div class="tandem-table-scroll" role="region" aria-labelledby="figures-{{NUMBER}}-caption" tabindex="0">
<table class="govuk-table tandem-figures">
<caption id="figures-{{NUMBER}}-caption" class="govuk-table__caption govuk-table__caption--s">The figures{{#FIRST_PREFERENCES}} of first preferences{{/FIRST_PREFERENCES}}</caption>
<thead><tr><th scope="col">Answer</th><th scope="col" class="n">Votes</th><th scope="col" class="n">Per cent of ballots counted</th></tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="n">{{VOTES}}</td><td class="n">{{PCT}}%</td></tr>
{{/ROW}}
</tbody>
</table>
</div>
{{#MEAN}}<p class="govuk-body">Average rating: <strong>{{VALUE}}</strong> out of 5.</p>{{/MEAN}}
{{/CHOICE}}
{{#RUNOFF}}
<div class="tandem-table-scroll" role="region" aria-labelledby="runoff-{{NUMBER}}-caption" tabindex="0">
<table class="govuk-table tandem-figures">
<caption id="runoff-{{NUMBER}}-caption" class="govuk-table__caption govuk-table__caption--s">Instant run-off, round by round</caption>
<thead><tr><th scope="col">Round</th>{{#HEAD}}<th scope="col" class="n">{{LABEL}}</th>{{/HEAD}}<th scope="col" class="n">No preference left</th><th scope="col">Outcome</th></tr></thead>
<tbody>
{{#ROUND}}<tr><th scope="row">{{N}}</th>{{#CELL}}<td class="n">{{VALUE}}</td>{{/CELL}}<td class="n">{{EXHAUSTED}}</td><td>{{OUTCOME}}</td></tr>
{{/ROUND}}
</tbody>
</table>
</div>
<p class="govuk-body"><strong>{{WINNER}}</strong></p>
{{/RUNOFF}}
{{#TEXT}}
{{#NO_ANSWERS}}<p class="govuk-body">No written answers yet.</p>{{/NO_ANSWERS}}
<ul class="govuk-list tandem-answers">
{{#ANSWER}}<li><span class="tandem-words">{{BODY}}</span>{{#BY}}<br><span class="tandem-muted">{{NAME}}</span>{{/BY}}</li>
{{/ANSWER}}
</ul>
{{#MORE_IN_CSV}}<p class="govuk-body">The first 25 answers are shown: the CSV download has them all.</p>{{/MORE_IN_CSV}}
{{/TEXT}}
</section>
{{/QUESTION}}
<h2 id="turnout" class="govuk-heading-m">Turnout</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="turnout" tabindex="0">
<table class="govuk-table tandem-figures">
<thead><tr><th scope="col">Group</th><th scope="col" class="n">Could vote</th><th scope="col" class="n">Voted</th><th scope="col" class="n">Turnout</th></tr></thead>
<tbody>
{{#TURNOUT}}<tr><th scope="row">{{NAME}}</th><td class="n">{{OF}}</td><td class="n">{{VOTED}}</td><td class="n">{{PCT}}%</td></tr>
{{/TURNOUT}}
</tbody>
</table>
</div>
