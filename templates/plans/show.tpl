{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<a class="govuk-back-link" href="/plans">Learning plans</a>
<span class="govuk-caption-l">{{LEARNER}}'s learning plan</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body"><strong class="govuk-tag">{{STATE}}</strong>{{#AGREED}} Version {{NUMBER}} is agreed and in force.{{/AGREED}}</p>
{{#STARTED_FROM}}<p class="govuk-body">Started from the course template “{{NAME}}”: <a class="govuk-link" href="/plans/{{ID}}/compare?from=0&amp;to={{LATEST}}">see what changed from it</a>.</p>{{/STARTED_FROM}}
{{#YOUR_TURN}}
<div class="govuk-inset-text">
<p class="govuk-body">Version {{LATEST}}, proposed by {{LATEST_AUTHOR}} on {{LATEST_WHEN}}, waits for your answer. Read it below{{#COMPARE_AGREED}} (or <a class="govuk-link" href="/plans/{{ID}}/compare?from={{NUMBER}}&amp;to={{LATEST}}">compare it with the agreed version</a>){{/COMPARE_AGREED}}, then accept it or propose changes.</p>
{{#NOTE}}<p class="govuk-body">Their note: <span class="tandem-words">{{TEXT:pre_escape}}</span></p>{{/NOTE}}
<div class="govuk-button-group">
<form method="post" action="/plans/{{ID}}/accept"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="version" value="{{LATEST}}"><button type="submit" class="govuk-button">Accept version {{LATEST}}</button></form>
<a class="govuk-button govuk-button--secondary" href="/plans/{{ID}}/edit">Propose changes</a>
</div>
</div>
{{/YOUR_TURN}}
{{#THEIR_TURN}}<div class="govuk-inset-text">Version {{LATEST}} waits for {{SIDE}} to answer.</div>{{/THEIR_TURN}}
{{#OPEN}}
<div class="govuk-button-group">
{{#CAN_PROPOSE_DRAFT}}<a class="govuk-button" href="/plans/{{ID}}/edit">Finish and propose the draft</a>{{/CAN_PROPOSE_DRAFT}}
<a class="govuk-link" href="/plans/{{ID}}/edit">Change the plan</a>
</div>
{{/OPEN}}
{{SUMMARY_HTML:none}}
{{#LATEST_VERSION}}
<h2 class="govuk-heading-m">Version {{NUMBER}}: {{STANDING}}</h2>
{{VERSION_HTML:none}}
{{/LATEST_VERSION}}
{{#AGREED_VERSION}}
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">The agreed version in force: version {{NUMBER}}</span></summary>
<div class="govuk-details__text">
{{VERSION_HTML:none}}
</div>
</details>
{{/AGREED_VERSION}}
{{COMMENTS_HTML:none}}
{{#COMMENT_FORM}}
<form method="post" action="/plans/{{ID}}/comments" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group{{#COMMENT_ERROR}} govuk-form-group--error{{/COMMENT_ERROR}}">
<label class="govuk-label govuk-label--s" for="body">Add a comment</label>
<div class="govuk-hint" id="body-hint">A question or a thought about the plan. To change the plan itself, propose a version.</div>
{{#COMMENT_ERROR}}<p id="body-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/COMMENT_ERROR}}
<textarea class="govuk-textarea{{#COMMENT_ERROR}} govuk-textarea--error{{/COMMENT_ERROR}}" id="body" name="body" rows="3" aria-describedby="body-hint{{#COMMENT_ERROR}} body-error{{/COMMENT_ERROR}}">{{BODY:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Add comment</button>
</form>
{{/COMMENT_FORM}}
<h2 class="govuk-heading-m">Every version</h2>
{{HISTORY_HTML:none}}
{{#CAN_WITHDRAW}}
<div class="govuk-button-group govuk-!-margin-top-6">
{{#CAN_COMPLETE}}<a href="/plans/{{ID}}/complete" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">Mark the plan as completed</a>{{/CAN_COMPLETE}}
<a href="/plans/{{ID}}/withdraw" role="button" draggable="false" class="govuk-button govuk-button--warning" data-module="govuk-button">Withdraw the plan</a>
</div>
{{/CAN_WITHDRAW}}
</div>
</div>
