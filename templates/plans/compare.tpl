{{%AUTOESCAPE context="HTML"}}
<a class="govuk-back-link" href="/plans/{{ID}}">Back to the plan</a>
<span class="govuk-caption-l">{{TITLE}}</span>
<h1 class="govuk-heading-l">{{A_NAME}} and version {{B}}</h1>
<p class="govuk-body">Fields that changed are marked; in them, words taken out are struck through and words put in are underlined.</p>
<div class="tandem-table-scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
<table class="govuk-table tandem-compare">
<caption id="compare-caption" class="govuk-table__caption govuk-visually-hidden">{{A_NAME}} and version {{B}}, field by field</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Field</th>
<th scope="col" class="govuk-table__header">{{A_NAME}}<br><span class="govuk-body-s tandem-muted">{{A_BY}}</span></th>
<th scope="col" class="govuk-table__header">Version {{B}}<br><span class="govuk-body-s tandem-muted">{{B_BY}}</span></th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row{{#CHANGED}} tandem-compare__changed{{/CHANGED}}">
<th scope="row" class="govuk-table__header">{{LABEL}}{{#CHANGED}} <strong class="govuk-tag govuk-tag--yellow">Changed</strong>{{/CHANGED}}</th>
<td class="govuk-table__cell tandem-words">{{#A_PART}}{{#SAME}}{{TEXT:pre_escape}}{{/SAME}}{{#GONE}}<del>{{TEXT:pre_escape}}</del>{{/GONE}}{{/A_PART}}</td>
<td class="govuk-table__cell tandem-words">{{#B_PART}}{{#SAME}}{{TEXT:pre_escape}}{{/SAME}}{{#NEW}}<ins>{{TEXT:pre_escape}}</ins>{{/NEW}}{{/B_PART}}</td>
</tr>{{/ROW}}
</tbody>
</table>
</div>
