{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="{{BACK}}">{{TITLE}}</a>
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#{{FIELD}}">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<span class="govuk-caption-l">Submit for assessment</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body">Your tutor gets a copy of this {{NOUN}} exactly as it is now, to review and comment on. You can go on changing your {{NOUN}}: the copy they see stays as you submitted it.</p>
{{#FORM}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#TUTOR_ERROR}} govuk-form-group--error{{/TUTOR_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="tutor_id-hint{{#TUTOR_ERROR}} tutor_id-error{{/TUTOR_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Who should assess it?</h2></legend>
<div id="tutor_id-hint" class="govuk-hint">Your tutors: the people who teach your groups.</div>
{{#TUTOR_ERROR}}<p id="tutor_id-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/TUTOR_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
{{#TUTOR}}
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="{{HTML_ID}}" name="tutor_id" type="radio" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}>
<label class="govuk-label govuk-radios__label" for="{{HTML_ID}}">{{NAME}}</label>
</div>
{{/TUTOR}}
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#NOTE_ERROR}} govuk-form-group--error{{/NOTE_ERROR}}">
<h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="note">A note for your tutor (optional)</label></h2>
<div class="govuk-hint" id="note-hint">What you would like them to look at, or anything they should know. You can use Markdown.</div>
{{#NOTE_ERROR}}<p id="note-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/NOTE_ERROR}}
<textarea class="govuk-textarea{{#NOTE_ERROR}} govuk-textarea--error{{/NOTE_ERROR}}" id="note" name="note" rows="5" aria-describedby="note-hint{{#NOTE_ERROR}} note-error{{/NOTE_ERROR}}">{{NOTE:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Submit for assessment</button>
</form>
{{/FORM}}
{{#NO_TUTORS}}
<h2 class="govuk-heading-m">You have no tutor to submit it to yet</h2>
<p class="govuk-body">Your tutors are the people who teach your groups in Tandem, and you are not in a group with a tutor yet. Your college adds you to your teaching groups: if you think you are missing from one, ask your tutor or your college's Tandem administrator.</p>
<p class="govuk-body"><a class="govuk-link" href="{{BACK}}">Back to your {{NOUN}}</a></p>
{{/NO_TUTORS}}
</div>
</div>
