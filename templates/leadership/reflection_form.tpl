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
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#reflections">Your plan</a>
<h1 class="govuk-heading-l">Write a reflection</h1>
<form method="post" action="/leadership/plans/{{ID}}/reflections" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="written_on">Date</label>
<input class="govuk-input govuk-input--width-10" id="written_on" name="written_on" type="date" value="{{F2}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="goal">On the goal (optional)</label>
<select class="govuk-select" id="goal" name="goal">
<option value="">The plan as a whole</option>
{{#GOAL_CHOICE}}<option value="{{GOAL_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/GOAL_CHOICE}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="activity">On the activity (optional)</label>
<select class="govuk-select" id="activity" name="activity">
<option value="">No one activity</option>
{{#ACTIVITY_CHOICE}}<option value="{{ACTIVITY_ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}}</option>
{{/ACTIVITY_CHOICE}}
</select>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="body">Your reflection</label>
<div class="govuk-hint" id="body-hint">What happened, what you learned, what you will do differently. You can use Markdown: **bold**, lists with -, links.</div>
<textarea class="govuk-textarea" id="body" name="body" rows="10" aria-describedby="body-hint">{{F3:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Save the reflection</button>
</form>
</div>
</div>
