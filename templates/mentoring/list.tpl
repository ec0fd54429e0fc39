{{%AUTOESCAPE context="HTML"}}
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<a class="govuk-back-link" href="/messages">Messages</a>
<h1 class="govuk-heading-l">Mentoring</h1>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<p class="govuk-body">A mentor is someone you trust to help you learn and grow, outside your lessons: you agree what the mentoring is for, and talk in private threads only the two of you can read.</p>
<p class="govuk-body"><a class="govuk-button" href="/mentoring/new">Start a mentorship</a></p>
</div></div>
{{#NONE}}<p class="govuk-body">You have no mentoring yet.</p>{{/NONE}}
{{#TABLE}}
<div class="tandem-table-scroll" role="region" aria-labelledby="mentoring-caption" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden" id="mentoring-caption">Your mentoring</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">With</th><th scope="col" class="govuk-table__header">Purpose</th><th scope="col" class="govuk-table__header">State</th><th scope="col" class="govuk-table__header">From</th></tr></thead>
<tbody class="govuk-table__body">
{{#MENTORSHIP}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/mentoring/{{ID}}">{{ROLE}}: {{OTHER}}</a></td><td class="govuk-table__cell tandem-words">{{PURPOSE:pre_escape}}</td><td class="govuk-table__cell">{{STATE}}</td><td class="govuk-table__cell">{{STARTS}}{{#ENDS}} to {{DATE}}{{/ENDS}}</td></tr>
{{/MENTORSHIP}}
</tbody>
</table>
</div>
{{/TABLE}}
