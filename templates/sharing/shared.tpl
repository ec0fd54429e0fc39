{{%AUTOESCAPE context="HTML"}}
<h1 class="govuk-heading-l">Shared with you</h1>
<p class="govuk-body">Pages and collections that people at your college have chosen to show you.</p>
{{#NO_ITEMS}}<p class="govuk-body">Nothing has been shared with you yet.</p>{{/NO_ITEMS}}
{{#HAS_ITEMS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="shared-caption" tabindex="0">
<table class="govuk-table">
<caption id="shared-caption" class="govuk-table__caption govuk-visually-hidden">What is shared with you, most recently changed first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Title</th>
<th scope="col" class="govuk-table__header">By</th>
<th scope="col" class="govuk-table__header">Shared</th>
<th scope="col" class="govuk-table__header">Last changed</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ITEM}}
<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a> <span class="govuk-body-s tandem-muted">{{KIND}}</span></td>
<td class="govuk-table__cell">{{OWNER}}</td>
<td class="govuk-table__cell">{{AS}}</td>
<td class="govuk-table__cell">{{UPDATED}}</td>
</tr>
{{/ITEM}}
</tbody>
</table>
</div>
{{/HAS_ITEMS}}
