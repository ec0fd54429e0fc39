{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#{{FIELD}}">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<a class="govuk-back-link" href="/messages">Messages</a>
<h1 class="govuk-heading-l">Start a thread</h1>
{{#NOBODY}}<p class="govuk-body">There is nobody you can write to yet: threads are with your mentor or mentee, your tutors, or the learners you teach. <a class="govuk-link" href="/mentoring/new">Find a mentor</a>.</p>{{/NOBODY}}
<form method="post" action="/messages" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="to">With</label>
<select class="govuk-select" id="to" name="to">
{{#PARTNER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PARTNER}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="subject">Subject</label>
<input class="govuk-input" id="subject" name="subject" type="text" value="{{SUBJECT}}" maxlength="200">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="body">Message</label>
<div class="govuk-hint" id="body-hint">You can use Markdown.</div>
<textarea class="govuk-textarea" id="body" name="body" rows="6" aria-describedby="body-hint">{{BODY:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Send</button>
</form>
</div>
</div>
