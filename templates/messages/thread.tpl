{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/messages">Messages</a>
<span class="govuk-caption-l">With {{WITH}}{{#MENTORSHIP}} · <a class="govuk-link" href="/mentoring/{{MENTORSHIP_ID}}">mentoring</a>{{/MENTORSHIP}}</span>
<h1 class="govuk-heading-l">{{SUBJECT}}</h1>
{{MESSAGES_HTML:none}}
{{#CLOSED}}<div class="govuk-inset-text">This thread is closed: its mentorship has ended, or you no longer teach each other. It stays here to read.</div>{{/CLOSED}}
{{#REPLY}}
<form method="post" action="/messages/{{ID}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group{{#REPLY_ERROR}} govuk-form-group--error{{/REPLY_ERROR}}">
<label class="govuk-label govuk-label--s" for="body">Reply</label>
<div class="govuk-hint" id="body-hint">You can use Markdown: **bold**, lists, links.</div>
{{#REPLY_ERROR}}<p id="body-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/REPLY_ERROR}}
<textarea class="govuk-textarea{{#REPLY_ERROR}} govuk-textarea--error{{/REPLY_ERROR}}" id="body" name="body" rows="4" aria-describedby="body-hint{{#REPLY_ERROR}} body-error{{/REPLY_ERROR}}">{{BODY:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="link">Point at something of yours (optional)</label>
<div class="govuk-hint" id="link-hint">Only what they can already see is offered.</div>
<select class="govuk-select" id="link" name="link" aria-describedby="link-hint">
<option value="">Nothing</option>
{{CHOICES_HTML:none}}
</select>
</div>
<button type="submit" class="govuk-button">Send</button>
</form>
{{/REPLY}}
</div>
</div>
