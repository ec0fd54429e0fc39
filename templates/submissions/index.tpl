{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Submissions</h1>
<p class="govuk-body">When you submit a page or a collection for assessment, your tutor gets a copy of it as it was at that moment, to review and comment on. You can go on changing the page itself.</p>
</div>
</div>
{{#MINE}}
<h2 class="govuk-heading-m">Your submissions</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="mine-caption" tabindex="0">
<table class="govuk-table">
<caption id="mine-caption" class="govuk-table__caption govuk-visually-hidden">What you submitted, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Title</th>
<th scope="col" class="govuk-table__header">Submitted to</th>
<th scope="col" class="govuk-table__header">Date</th>
<th scope="col" class="govuk-table__header">Status</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/submissions/{{ID}}">{{TITLE}}</a></td>
<td class="govuk-table__cell">{{WHO}}</td>
<td class="govuk-table__cell">{{DATE}}</td>
<td class="govuk-table__cell">{{#SUBMITTED}}<strong class="govuk-tag govuk-tag--grey">Submitted</strong>{{/SUBMITTED}}{{#REVIEWED}}<strong class="govuk-tag govuk-tag--green">Reviewed</strong>{{/REVIEWED}}</td>
</tr>{{/ROW}}
</tbody>
</table>
</div>
{{/MINE}}
{{#TO_ME}}
<h2 class="govuk-heading-m">Submitted to you</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="to-me-caption" tabindex="0">
<table class="govuk-table">
<caption id="to-me-caption" class="govuk-table__caption govuk-visually-hidden">What your learners submitted to you, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Title</th>
<th scope="col" class="govuk-table__header">Submitted by</th>
<th scope="col" class="govuk-table__header">Date</th>
<th scope="col" class="govuk-table__header">Status</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ROW}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/submissions/{{ID}}">{{TITLE}}</a></td>
<td class="govuk-table__cell">{{WHO}}</td>
<td class="govuk-table__cell">{{DATE}}</td>
<td class="govuk-table__cell">{{#SUBMITTED}}<strong class="govuk-tag govuk-tag--grey">Submitted</strong>{{/SUBMITTED}}{{#REVIEWED}}<strong class="govuk-tag govuk-tag--green">Reviewed</strong>{{/REVIEWED}}</td>
</tr>{{/ROW}}
</tbody>
</table>
</div>
{{/TO_ME}}
{{#NONE}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<p class="govuk-body">Nothing here yet: you have not submitted anything, and nobody has submitted anything to you.</p>
<p class="govuk-body">To submit a page, open it from <a class="govuk-link" href="/portfolio">your portfolio</a> and choose “Submit for assessment”.</p>
</div>
</div>
{{/NONE}}
