{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<span class="govuk-caption-l">{{KIND}} at {{INSTITUTION}}</span>
<h1 class="govuk-heading-l">{{DISPLAY_NAME}}{{#PRONOUNS}} <span class="tandem-pronouns">({{PRONOUNS}})</span>{{/PRONOUNS}}</h1>
{{#BIO}}<p class="govuk-body-l">{{#LINE}}{{TEXT}}{{#LINE_separator}}<br>{{/LINE_separator}}{{/LINE}}</p>{{/BIO}}
{{#MINE}}<p class="govuk-body"><a class="govuk-link" href="/account/profile">Change your profile</a></p>{{/MINE}}
{{#GROUPS}}
<h2 class="govuk-heading-m">Groups</h2>
<div class="tandem-table-scroll" role="region" aria-labelledby="groups-caption" tabindex="0">
<table class="govuk-table">
<caption id="groups-caption" class="govuk-table__caption govuk-visually-hidden">Groups {{DISPLAY_NAME}} belongs to</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Group</th>
<th scope="col" class="govuk-table__header">Code</th>
<th scope="col" class="govuk-table__header">Role</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#GROUP}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{NAME}}</td><td class="govuk-table__cell">{{CODE}}</td><td class="govuk-table__cell">{{ROLE}}</td></tr>{{/GROUP}}
</tbody>
</table>
</div>
{{/GROUPS}}
</div>
</div>
