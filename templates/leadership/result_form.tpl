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
<a class="govuk-back-link" href="/leadership/plans/{{ID}}/results/new">Choose another instrument</a>
<span class="govuk-caption-l">Record a result</span>
<h1 class="govuk-heading-l">{{INSTRUMENT}}</h1>
{{#DESCRIPTION}}<p class="govuk-body tandem-words">{{TEXT:pre_escape}}</p>{{/DESCRIPTION}}
<form method="post" action="/leadership/plans/{{ID}}/results" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="instrument" value="{{INSTRUMENT_ID}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="taken_on">When you took it</label>
<input class="govuk-input govuk-input--width-10" id="taken_on" name="taken_on" type="date" value="{{TAKEN}}">
</div>
{{#SCALES}}
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Your score on each scale, from {{MIN}} to {{MAX}}</legend>
{{#ITEM}}<div class="govuk-form-group">
<input type="hidden" name="item" value="{{ITEM_ID}}">
<label class="govuk-label" for="score-{{ITEM_ID}}">{{NAME}}</label>
<input class="govuk-input govuk-input--width-4" id="score-{{ITEM_ID}}" name="score" type="text" inputmode="numeric" value="{{SCORE}}">
</div>
{{/ITEM}}
</fieldset>
{{/SCALES}}
{{#TYPES}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="type">The type it gave you</label>
<select class="govuk-select" id="type" name="type">
<option value="">Choose a type</option>
{{#ITEM}}<option value="{{ITEM_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ITEM}}
</select>
</div>
{{/TYPES}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="notes">Notes (optional)</label>
<div class="govuk-hint" id="notes-hint">What you make of it: what rings true, what surprised you.</div>
<textarea class="govuk-textarea" id="notes" name="notes" rows="4" aria-describedby="notes-hint">{{NOTES:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="report">The report (optional)</label>
<div class="govuk-hint" id="report-hint">The report the instrument came with, for example a PDF. Whoever reads your plan can download it.</div>
<input class="govuk-file-upload" id="report" name="report" type="file" aria-describedby="report-hint">
</div>
<button type="submit" class="govuk-button">Record the result</button>
</form>
</div>
</div>
