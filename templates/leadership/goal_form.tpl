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
<a class="govuk-back-link" href="/leadership/plans/{{ID}}{{BACK}}">Back</a>
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<p class="govuk-body">Write it in SMART form: specific, measurable, achievable, relevant and time-bound.</p>
<form method="post" action="/leadership/plans/{{ID}}{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#CHANGE}}<input type="hidden" name="was_due" value="{{WAS_DUE}}">{{/CHANGE}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">The goal</label>
<div class="govuk-hint" id="title-hint">In a few words: for example, “Coach my team leaders rather than tell them”.</div>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}" aria-describedby="title-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="specific">Specific: what exactly will you do?</label>
<textarea class="govuk-textarea" id="specific" name="specific" rows="3">{{SPECIFIC:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="measurable">Measurable: how will you and others know?</label>
<textarea class="govuk-textarea" id="measurable" name="measurable" rows="3">{{MEASURABLE:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="achievable">Achievable: why is it within reach, with what support?</label>
<textarea class="govuk-textarea" id="achievable" name="achievable" rows="3">{{ACHIEVABLE:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="relevant">Relevant: why does it matter, to you and your team?</label>
<textarea class="govuk-textarea" id="relevant" name="relevant" rows="3">{{RELEVANT:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="due_on">Time-bound: achieve it by</label>
<input class="govuk-input govuk-input--width-10" id="due_on" name="due_on" type="date" value="{{DUE}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="theme">Development theme (optional)</label>
<select class="govuk-select" id="theme" name="theme">
<option value="">No theme</option>
{{#THEME}}<option value="{{THEME_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/THEME}}
</select>
</div>
{{#ANY_RESULTS}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="result-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">The profile results it responds to</legend>
<div class="govuk-hint" id="result-hint">Choose any that apply.</div>
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
{{#RESULT}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="result-{{RESULT_ID}}" name="result" type="checkbox" value="{{RESULT_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="result-{{RESULT_ID}}">{{NAME}}</label></div>
{{/RESULT}}
</div>
</fieldset>
</div>
{{/ANY_RESULTS}}
<button type="submit" class="govuk-button">{{BUTTON}}</button>
</form>
</div>
</div>
