{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#profile">Your plan for {{YEAR}}</a>
<h1 class="govuk-heading-l">Record a result</h1>
{{#NO_INSTRUMENTS}}<p class="govuk-body">Your college has not set up any instruments yet. Its administrator adds them under Administration, Leadership plans.</p>{{/NO_INSTRUMENTS}}
<form method="get" action="/leadership/plans/{{ID}}/results/new">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Which instrument is the result from?</legend>
<div class="govuk-radios" data-module="govuk-radios">
{{#INSTRUMENT}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="instrument-{{INSTRUMENT_ID}}" name="instrument" type="radio" value="{{INSTRUMENT_ID}}" aria-describedby="instrument-{{INSTRUMENT_ID}}-hint"><label class="govuk-label govuk-radios__label" for="instrument-{{INSTRUMENT_ID}}">{{NAME}}</label><div id="instrument-{{INSTRUMENT_ID}}-hint" class="govuk-hint govuk-radios__hint">{{DESCRIPTION}}</div></div>
{{/INSTRUMENT}}
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button">Continue</button>
</form>
</div>
</div>
