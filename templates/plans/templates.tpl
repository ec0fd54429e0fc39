{{%AUTOESCAPE context="HTML"}}
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<a class="govuk-back-link" href="/plans">Learning plans</a>
<h1 class="govuk-heading-l">Course templates</h1>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<p class="govuk-body">A course template is the common core of a group's learning plans: the goals and support every learner on the course shares. Each learner starts their plan from it and makes it their own; you can always see what they changed.</p>
<p class="govuk-body"><a class="govuk-button" href="/plans/templates/new">Write a course template</a></p>
</div></div>
{{#NONE}}<p class="govuk-body">There are no templates for the groups you teach yet.</p>{{/NONE}}
{{#TABLE}}
<div class="tandem-table-scroll" role="region" aria-labelledby="templates-caption" tabindex="0">
<table class="govuk-table">
<caption class="govuk-table__caption govuk-visually-hidden" id="templates-caption">Course templates</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Template</th><th scope="col" class="govuk-table__header">Group</th><th scope="col" class="govuk-table__header">Goals</th><th scope="col" class="govuk-table__header">Plans started from it</th><th scope="col" class="govuk-table__header">Last changed</th></tr></thead>
<tbody class="govuk-table__body">
{{#TEMPLATE}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/plans/templates/{{ID}}/edit">{{TITLE}}</a></td><td class="govuk-table__cell">{{COHORT}}</td><td class="govuk-table__cell">{{GOALS}}</td><td class="govuk-table__cell">{{PLANS}}</td><td class="govuk-table__cell">{{UPDATED}} by {{AUTHOR}}</td></tr>
{{/TEMPLATE}}
</tbody>
</table>
</div>
{{/TABLE}}
