{{%AUTOESCAPE context="HTML"}}
{{#HAS_WAITING}}
<h2 class="govuk-heading-m">Waiting for you ({{N}})</h2>
<ul class="govuk-list">
{{#WAITING}}<li><a class="govuk-link" href="/plans/{{ID}}">{{TITLE}}</a> – {{LEARNER}} <strong class="govuk-tag govuk-tag--yellow">{{STATE}}</strong> <span class="tandem-muted">version {{VERSION}}, {{UPDATED}}</span></li>{{/WAITING}}
</ul>
{{/HAS_WAITING}}
<h2 class="govuk-heading-m">All plans</h2>
{{#NONE}}<p class="govuk-body">No plans here yet.</p>{{/NONE}}
<ul class="govuk-list">
{{#PLAN}}<li><a class="govuk-link" href="/plans/{{ID}}">{{TITLE}}</a> – {{LEARNER}} <strong class="govuk-tag govuk-tag--grey">{{STATE}}</strong> <span class="tandem-muted">version {{VERSION}}, {{UPDATED}}</span></li>{{/PLAN}}
</ul>
