{{%AUTOESCAPE context="HTML"}}
{{#HAS_WAITING}}
<h2 id="plans-waiting" class="govuk-heading-m">Waiting for you ({{N}})</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="plans-waiting" tabindex="0">
<table class="govuk-table tandem-plan-list">
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Learner</th><th scope="col" class="govuk-table__header">Plan</th><th scope="col" class="govuk-table__header">State</th><th scope="col" class="govuk-table__header">Version</th><th scope="col" class="govuk-table__header">Goals achieved</th><th scope="col" class="govuk-table__header">Next review</th><th scope="col" class="govuk-table__header">Changed</th></tr></thead>
<tbody>
{{#WAITING}}<tr><td>{{LEARNER}}</td><td><a class="govuk-link" href="/plans/{{ID}}">{{TITLE}}<span class="govuk-visually-hidden">, {{LEARNER}}</span></a></td><td>{{STATE}}</td><td>{{VERSION}}</td><td>{{GOALS}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{N}} overdue</strong>{{/OVERDUE}}</td><td>{{#NEXT_REVIEW}}{{DATE}}{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}{{/NEXT_REVIEW}}</td><td>{{UPDATED}}</td></tr>
{{/WAITING}}
</tbody>
</table>
</div>
{{/HAS_WAITING}}
<h2 id="plans-all" class="govuk-heading-m">All plans</h2>
{{#NONE}}<p class="govuk-body">No plans here yet.</p>{{/NONE}}
{{#HAS_PLANS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="plans-all" tabindex="0">
<table class="govuk-table tandem-plan-list">
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Learner</th><th scope="col" class="govuk-table__header">Plan</th><th scope="col" class="govuk-table__header">State</th><th scope="col" class="govuk-table__header">Version</th><th scope="col" class="govuk-table__header">Goals achieved</th><th scope="col" class="govuk-table__header">Next review</th><th scope="col" class="govuk-table__header">Changed</th></tr></thead>
<tbody>
{{#PLAN}}<tr><td>{{LEARNER}}</td><td><a class="govuk-link" href="/plans/{{ID}}">{{TITLE}}<span class="govuk-visually-hidden">, {{LEARNER}}</span></a></td><td>{{STATE}}</td><td>{{VERSION}}</td><td>{{GOALS}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">{{N}} overdue</strong>{{/OVERDUE}}</td><td>{{#NEXT_REVIEW}}{{DATE}}{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}{{/NEXT_REVIEW}}</td><td>{{UPDATED}}</td></tr>
{{/PLAN}}
</tbody>
</table>
</div>
{{/HAS_PLANS}}
