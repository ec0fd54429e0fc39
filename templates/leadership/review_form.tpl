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
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#reviews">{{OWNER}}'s plan</a>
<h1 class="govuk-heading-l">Record a review meeting</h1>
<p class="govuk-body">Between {{OWNER}} and {{MANAGER}}. Saving it signs it for you; the other is told, reads it and countersigns.</p>
<form method="post" action="/leadership/plans/{{ID}}/reviews" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="held_on">Date of the meeting</label>
<input class="govuk-input govuk-input--width-10" id="held_on" name="held_on" type="date" value="{{HELD}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="agenda">Agenda</label>
<textarea class="govuk-textarea" id="agenda" name="agenda" rows="4">{{AGENDA:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="notes">Notes</label>
<div class="govuk-hint" id="notes-hint">What was said and agreed. You can use Markdown.</div>
<textarea class="govuk-textarea" id="notes" name="notes" rows="8" aria-describedby="notes-hint">{{NOTES:pre_escape}}</textarea>
</div>
<h2 class="govuk-heading-m">Actions agreed</h2>
<p class="govuk-body">Leave the rows you do not need empty.</p>
{{#ACTION}}
<fieldset class="govuk-fieldset tandem-action-row">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Action {{N}}</legend>
<div class="govuk-form-group">
<label class="govuk-label" for="action-{{N}}">What</label>
<input class="govuk-input" id="action-{{N}}" name="action" type="text" value="{{WHAT}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="action-{{N}}-who">Who does it</label>
<select class="govuk-select" id="action-{{N}}-who" name="action_who">
<option value="owner"{{#BY_OWNER}} selected{{/BY_OWNER}}>{{OWNER}}</option>
<option value="manager"{{#BY_MANAGER}} selected{{/BY_MANAGER}}>{{MANAGER}}</option>
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="action-{{N}}-due">By</label>
<input class="govuk-input govuk-input--width-10" id="action-{{N}}-due" name="action_due" type="date" value="{{DUE}}">
</div>
</fieldset>
{{/ACTION}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="next_review">Next review (optional)</label>
<input class="govuk-input govuk-input--width-10" id="next_review" name="next_review" type="date" value="{{NEXT}}">
</div>
<button type="submit" class="govuk-button">Save and sign</button>
</form>
</div>
</div>
