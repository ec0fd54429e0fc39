{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/admin/threads">Safeguarding: private threads</a>
<h1 class="govuk-heading-l">Read a thread for safeguarding</h1>
<dl class="tandem-facts govuk-!-margin-bottom-6">
<dt>Between</dt><dd>{{MEMBERS}}</dd>
<dt>Since</dt><dd>{{SINCE}}</dd>
<dt>Messages</dt><dd>{{COUNT}}</dd>
</dl>
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> This thread is private. Read it only for a safeguarding concern. Your reason is kept in the audit log, and everyone in the thread is told that you read it and why.</strong></div>
<form method="post" action="/admin/threads/{{ID}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="reason">Why do you need to read it?</label>
<textarea class="govuk-textarea" id="reason" name="reason" rows="3"></textarea>
</div>
<button type="submit" class="govuk-button govuk-button--warning">Record the reason and read the thread</button>
</form>
</div>
</div>
