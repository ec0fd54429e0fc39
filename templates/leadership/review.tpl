{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#reviews">{{OWNER}}'s plan</a>
<span class="govuk-caption-l">Review meeting between {{OWNER}} and {{MANAGER}}</span>
<h1 class="govuk-heading-l">{{HELD}}</h1>
<p class="govuk-body">Recorded by {{AUTHOR}}.
{{#OWNER_HAS_SIGNED}}Signed by {{OWNER}} on {{OWNER_SIGNED}}.{{/OWNER_HAS_SIGNED}}{{#OWNER_TO_SIGN}}Not yet signed by {{OWNER}}.{{/OWNER_TO_SIGN}}
{{#MANAGER_HAS_SIGNED}}Signed by {{MANAGER}} on {{MANAGER_SIGNED}}.{{/MANAGER_HAS_SIGNED}}{{#MANAGER_TO_SIGN}}Not yet signed by {{MANAGER}}.{{/MANAGER_TO_SIGN}}</p>
{{#SIGN}}
<div class="govuk-inset-text">
<p class="govuk-body">Read the record. If it says what you agreed, sign it: it then no longer changes.</p>
<form method="post" action="/leadership/plans/{{ID}}/reviews/{{REVIEW_ID}}/sign"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button">Sign the record</button></form>
</div>
{{/SIGN}}
<h2 class="govuk-heading-m">Agenda</h2>
<p class="govuk-body tandem-words">{{AGENDA:pre_escape}}</p>
<h2 class="govuk-heading-m">Notes</h2>
<div>{{NOTES_HTML:none}}</div>
<h2 class="govuk-heading-m">Actions</h2>
{{#NO_ACTIONS}}<p class="govuk-body">No actions were agreed.</p>{{/NO_ACTIONS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="actions-caption" tabindex="0">
<table class="govuk-table">
<caption id="actions-caption" class="govuk-visually-hidden">Actions agreed</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Action</th><th scope="col" class="govuk-table__header">Who</th><th scope="col" class="govuk-table__header">By</th><th scope="col" class="govuk-table__header">Done</th></tr></thead>
<tbody class="govuk-table__body">
{{#ACTION}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{WHAT}}</td><td class="govuk-table__cell">{{WHO}}</td><td class="govuk-table__cell">{{DUE}}{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}</td>
<td class="govuk-table__cell">{{#DONE}}Done{{/DONE}}{{#TO_DO}}Not yet{{/TO_DO}}{{#MINE}}<form method="post" action="/leadership/plans/{{ID}}/actions/{{ACTION_ID}}/done"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Mark done<span class="govuk-visually-hidden">: {{WHAT}}</span></button></form>{{/MINE}}</td></tr>
{{/ACTION}}
</tbody>
</table>
</div>
{{#HAS_NEXT}}<p class="govuk-body">Next review: {{NEXT}}.</p>{{/HAS_NEXT}}
</div>
</div>
