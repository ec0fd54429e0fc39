{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/submissions">Submissions</a>
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#comment">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<span class="govuk-caption-l">Submitted for assessment</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Submitted by</dt><dd class="govuk-summary-list__value">{{OWNER}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Submitted to</dt><dd class="govuk-summary-list__value">{{TUTOR}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Submitted on</dt><dd class="govuk-summary-list__value">{{SUBMITTED}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Status</dt><dd class="govuk-summary-list__value" id="status">{{#NOT_REVIEWED}}<strong class="govuk-tag govuk-tag--grey">Submitted</strong>{{/NOT_REVIEWED}}{{#REVIEWED}}<strong class="govuk-tag govuk-tag--green">Reviewed</strong> <span class="govuk-body-s">on {{WHEN}}</span>{{/REVIEWED}}</dd></div>
{{#NOTE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Note</dt><dd class="govuk-summary-list__value"><div class="tandem-richtext tandem-submission-note">{{NOTE_HTML:none}}</div></dd></div>{{/NOTE}}
</dl>
{{#OWNER_VIEW}}
<div class="govuk-inset-text">
{{#LIVE}}Below is the copy {{TUTOR}} sees: it stays as you submitted it. <a class="govuk-link" href="{{HREF}}">Go to your {{NOUN}}</a> to keep working on it.{{/LIVE}}
{{#GONE}}Below is the copy {{TUTOR}} sees. You have since deleted what you submitted; this copy stays.{{/GONE}}
</div>
{{/OWNER_VIEW}}
{{#TUTOR_VIEW}}
<div class="govuk-inset-text">Below is the copy {{OWNER}} submitted, as it was then. Comment on it underneath; {{OWNER}} sees your comments as feedback.</div>
{{/TUTOR_VIEW}}
<h2 class="govuk-heading-m" id="snapshot">What was submitted</h2>
<div class="tandem-snapshot">
{{SNAPSHOT_HTML:none}}
</div>
{{#COMMENTS}}{{>COMMENT_LIST}}{{/COMMENTS}}
{{#CAN_REVIEW}}
<h2 class="govuk-heading-m">Finished reviewing?</h2>
<p class="govuk-body">Mark it as reviewed when you have finished: {{OWNER}} will be told.</p>
<form method="post" action="/submissions/{{ID}}/reviewed">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button">Mark as reviewed</button>
</form>
{{/CAN_REVIEW}}
</div>
</div>
