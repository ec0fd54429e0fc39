{{%AUTOESCAPE context="HTML"}}
<h1 class="govuk-heading-l">Messages</h1>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<p class="govuk-body">Private threads with your mentor or mentee, and between tutors and their learners. Only the people in a thread can read it.</p>
<div class="govuk-button-group">
<a class="govuk-button" href="/messages/new">Start a thread</a>
<a class="govuk-link" href="/mentoring">Mentoring</a>
</div>
</div></div>
{{#NONE}}<p class="govuk-body">No threads yet.</p>{{/NONE}}
{{#LIST}}
<div class="tandem-table-scroll" role="region" aria-labelledby="threads-caption" tabindex="0">
<table class="govuk-table">
<caption id="threads-caption" class="govuk-table__caption govuk-visually-hidden">Your threads, latest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Thread</th><th scope="col" class="govuk-table__header">With</th><th scope="col" class="govuk-table__header">Messages</th><th scope="col" class="govuk-table__header">Latest</th></tr></thead>
<tbody class="govuk-table__body">
{{#THREAD}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/messages/{{ID}}">{{SUBJECT}}</a>{{#UNREAD}} <strong class="govuk-tag govuk-tag--blue">{{N}} new</strong>{{/UNREAD}}</td><td class="govuk-table__cell">{{WITH}}{{#MENTORING}} <span class="tandem-muted">(mentoring)</span>{{/MENTORING}}</td><td class="govuk-table__cell">{{COUNT}}</td><td class="govuk-table__cell">{{WHEN}}</td></tr>
{{/THREAD}}
</tbody>
</table>
</div>
{{/LIST}}
