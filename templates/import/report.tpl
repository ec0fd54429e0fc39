{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<div class="govuk-panel govuk-panel--confirmation">
<h1 class="govuk-panel__title">People imported</h1>
<div class="govuk-panel__body">from {{FILENAME}} into {{COLLEGE}}</div>
</div>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">New people</dt>
<dd class="govuk-summary-list__value" id="created">{{CREATED}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">People updated</dt>
<dd class="govuk-summary-list__value" id="updated">{{UPDATED}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">People unchanged</dt>
<dd class="govuk-summary-list__value" id="unchanged">{{UNCHANGED}}</dd>
</div>
<div class="govuk-summary-list__row">
<dt class="govuk-summary-list__key">Cohort places added</dt>
<dd class="govuk-summary-list__value" id="memberships">{{MEMBERSHIPS}}</dd>
</div>
</dl>
</div>
</div>
{{#LINKS}}
<h2 class="govuk-heading-m">Links for new people to choose their password</h2>
<p class="govuk-body">Each new person with an email address is also being sent a welcome email with a link of their own. The links below are for anyone you would rather give one to yourself.</p>
<div class="govuk-warning-text">
<span class="govuk-warning-text__icon" aria-hidden="true">!</span>
<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Copy these links now: Tandem shows them only this once. Give each person their own link. Each link works once and expires in 24 hours.</strong>
</div>
<div class="tandem-table-scroll" role="region" aria-labelledby="links-caption" tabindex="0">
<table class="govuk-table">
<caption id="links-caption" class="govuk-table__caption govuk-table__caption--s">{{COUNT}}</caption>
<thead class="govuk-table__head">
<tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Name</th>
<th scope="col" class="govuk-table__header">Username</th>
<th scope="col" class="govuk-table__header">Link to choose a password</th>
</tr>
</thead>
<tbody class="govuk-table__body">
{{#LINK}}
<tr class="govuk-table__row">
<td class="govuk-table__cell">{{NAME}}</td>
<td class="govuk-table__cell">{{USERNAME}}</td>
<td class="govuk-table__cell">{{ORIGIN}}/reset/<wbr>{{TOKEN}}</td>
</tr>
{{/LINK}}
</tbody>
</table>
</div>
{{/LINKS}}
<p class="govuk-body"><a class="govuk-link" href="/admin/import">Import another file</a></p>
<p class="govuk-body"><a class="govuk-link" href="/admin">Back to administration</a></p>
