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
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#activities">Your plan</a>
<h1 class="govuk-heading-l">Add a development activity</h1>
<form method="post" action="/leadership/plans/{{ID}}/activities" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">The activity</label>
<div class="govuk-hint" id="title-hint">For example: “ILM Level 5 coaching course”, “Shadow the head of quality at a validation panel”.</div>
<input class="govuk-input" id="title" name="title" type="text" value="{{F2}}" aria-describedby="title-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="kind">Kind</label>
<select class="govuk-select" id="kind" name="kind">
{{#KIND}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="goal">For the goal (optional)</label>
<select class="govuk-select" id="goal" name="goal">
<option value="">Not for one goal</option>
{{#GOAL_CHOICE}}<option value="{{GOAL_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/GOAL_CHOICE}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="details">Details (optional)</label>
<textarea class="govuk-textarea" id="details" name="details" rows="3">{{F3:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="starts_on">Starts (optional)</label>
<input class="govuk-input govuk-input--width-10" id="starts_on" name="starts_on" type="date" value="{{F4}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="ends_on">Ends (optional)</label>
<input class="govuk-input govuk-input--width-10" id="ends_on" name="ends_on" type="date" value="{{F5}}">
</div>
<button type="submit" class="govuk-button">Add the activity</button>
</form>
</div>
</div>
