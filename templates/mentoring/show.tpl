{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/mentoring">Mentoring</a>
<span class="govuk-caption-l">{{ROLE}}</span>
<h1 class="govuk-heading-l">{{OTHER}}</h1>
<dl class="tandem-facts govuk-!-margin-bottom-6">
<dt>What it is for</dt><dd class="tandem-words">{{PURPOSE:pre_escape}}</dd>
<dt>State</dt><dd>{{STATE}}</dd>
<dt>From</dt><dd>{{STARTS}}{{#ENDS}} to {{DATE}}{{/ENDS}}</dd>
</dl>
{{#CAN_ANSWER}}
<div class="govuk-inset-text">{{OTHER}} asked you to be their mentor.</div>
<div class="govuk-button-group">
<form method="post" action="/mentoring/{{ID}}/accept"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button">Accept</button></form>
<form method="post" action="/mentoring/{{ID}}/decline"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary">Decline</button></form>
</div>
{{/CAN_ANSWER}}
<h2 class="govuk-heading-m">Threads</h2>
{{#NO_THREADS}}<p class="govuk-body">No threads yet.</p>{{/NO_THREADS}}
<ul class="govuk-list">
{{#THREAD}}<li><a class="govuk-link" href="/messages/{{THREAD_ID}}">{{SUBJECT}}</a>{{#UNREAD}} <strong class="govuk-tag govuk-tag--blue">{{N}} new</strong>{{/UNREAD}} <span class="tandem-muted">{{COUNT}} messages, last {{WHEN}}</span></li>
{{/THREAD}}
</ul>
{{#CAN_WRITE}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/messages/new?mentorship={{ID}}">Start a thread</a></p>{{/CAN_WRITE}}
{{#CAN_END}}
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">End this mentorship</span></summary>
<div class="govuk-details__text">
<p class="govuk-body">{{OTHER}} will be told. Your threads stay readable to both of you, but no new messages can be sent.</p>
<form method="post" action="/mentoring/{{ID}}/end"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--warning">End the mentorship</button></form>
</div>
</details>
{{/CAN_END}}
</div>
</div>
