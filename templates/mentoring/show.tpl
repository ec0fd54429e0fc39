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
<p class="govuk-body"><a href="/mentoring/{{ID}}/end" role="button" draggable="false" class="govuk-button govuk-button--warning" data-module="govuk-button">End the mentorship</a></p>
{{/CAN_END}}
</div>
</div>
