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
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#feedback">Your plan</a>
<h1 class="govuk-heading-l">Ask for 360-degree feedback</h1>
<p class="govuk-body">The colleagues you name are asked to answer the instrument about you. Their answers are kept apart from who gave them: you see only the whole, and only once at least three have answered.</p>
{{#NO_INSTRUMENTS}}<p class="govuk-body">Your college has no instrument for feedback yet: its administrator adds them under Administration, Leadership plans.</p>{{/NO_INSTRUMENTS}}
<form method="post" action="/leadership/plans/{{ID}}/feedback" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="instrument">Instrument</label>
<select class="govuk-select" id="instrument" name="instrument">
{{#INSTRUMENT}}<option value="{{INSTRUMENT_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/INSTRUMENT}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="people">Colleagues to ask</label>
<div class="govuk-hint" id="people-hint">At least three usernames, separated by commas or on separate lines: for example, priya, tom, grace.</div>
<textarea class="govuk-textarea" id="people" name="people" rows="3" aria-describedby="people-hint" spellcheck="false">{{PEOPLE:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="prompt">A note to them (optional)</label>
<textarea class="govuk-textarea" id="prompt" name="prompt" rows="3">{{PROMPT:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Ask them</button>
</form>
</div>
</div>
