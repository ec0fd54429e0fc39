{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ALL_READ}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Every notification is marked as read.</p></div>
</div>
{{/ALL_READ}}
<h1 class="govuk-heading-l">Notifications</h1>
<p class="govuk-body">What others did that concerns you: comments, feedback, things shared with you, plans waiting for your answer, messages. <a class="govuk-link" href="/account/notifications">Choose which are also emailed to you</a>.</p>
{{#CAN_READ_ALL}}
<form method="post" action="/notifications/read">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--secondary">Mark all as read</button>
</form>
{{/CAN_READ_ALL}}
{{#NONE}}<p class="govuk-body">Nothing yet.</p>{{/NONE}}
{{#LIST}}
<ul class="govuk-list tandem-notifications">
{{#NOTIFICATION}}<li class="tandem-notification{{#UNREAD}} tandem-notification--unread{{/UNREAD}}">
{{#UNREAD}}<strong class="govuk-tag govuk-tag--blue">New</strong> {{/UNREAD}}<a class="govuk-link" href="/notifications/{{ID}}">{{SUBJECT}}</a>
<span class="govuk-body-s tandem-muted">{{WHEN}}</span>
{{#READ}}<form method="post" action="/notifications/{{ID}}/unread" class="tandem-inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary tandem-small-button">Mark as unread<span class="govuk-visually-hidden">: {{SUBJECT}}</span></button></form>{{/READ}}
</li>
{{/NOTIFICATION}}
</ul>
{{/LIST}}
{{#OLDER}}<p class="govuk-body"><a class="govuk-link" href="/notifications?before={{BEFORE}}">Older notifications</a></p>{{/OLDER}}
</div>
</div>
