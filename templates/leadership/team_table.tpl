{{%AUTOESCAPE context="HTML"}}
{{#NO_TEAM}}<p class="govuk-body">Nobody is recorded as reporting to you. Your college's administrator records line managers.</p>{{/NO_TEAM}}
<div class="tandem-table-scroll" role="region" aria-labelledby="team-caption" tabindex="0">
<table class="govuk-table">
<caption id="team-caption" class="govuk-visually-hidden">Your reports and their plans this year</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Department</th>
<th scope="col" class="govuk-table__header">Goals achieved</th>
<th scope="col" class="govuk-table__header">Last review</th>
<th scope="col" class="govuk-table__header">Next review</th>
<th scope="col" class="govuk-table__header">Due</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#MEMBER}}<tr class="govuk-table__row">
<th scope="row" class="govuk-table__header">{{#PLAN}}<a class="govuk-link" href="/leadership/plans/{{PLAN_ID}}">{{/PLAN}}{{NAME}}{{#PLAN}}</a>{{/PLAN}}</th>
<td class="govuk-table__cell">{{DEPARTMENT}}</td>
{{#NO_PLAN}}<td class="govuk-table__cell" colspan="4">No plan for this year yet</td>{{/NO_PLAN}}
{{#PLAN}}<td class="govuk-table__cell">{{ACHIEVED}} of {{GOALS}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Past their date: {{N}}</strong>{{/OVERDUE}}</td>
<td class="govuk-table__cell">{{LAST_REVIEW}}</td>
<td class="govuk-table__cell">{{#NEXT_REVIEW}}{{DATE}}{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}{{/NEXT_REVIEW}}{{#NO_NEXT_REVIEW}}Not set{{/NO_NEXT_REVIEW}}</td>
<td class="govuk-table__cell"><ul class="govuk-list govuk-!-margin-bottom-0">{{#TO_SIGN}}<li><strong class="govuk-tag govuk-tag--yellow">Reviews to sign: {{N}}</strong></li>{{/TO_SIGN}}{{#LATE_ACTIONS}}<li><strong class="govuk-tag govuk-tag--red">Actions overdue: {{N}}</strong></li>{{/LATE_ACTIONS}}{{#ROUNDS}}<li>Feedback rounds open: {{N}}</li>{{/ROUNDS}}</ul></td>{{/PLAN}}
</tr>
{{/MEMBER}}
</tbody>
</table>
</div>
