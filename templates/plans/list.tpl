{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Learning plans</h1>
<p class="govuk-body">A learning plan is written by the learner and their tutor together: either of you proposes a version, the other accepts it or proposes changes, until you both agree. Every version is kept.</p>
<div class="govuk-button-group">
<a class="govuk-button" href="/plans/new">Start a plan</a>
{{#STAFF}}<a class="govuk-link" href="/plans/templates">Course templates</a>{{/STAFF}}
</div>
<form method="get" action="/plans" class="govuk-!-margin-bottom-4">
<div class="govuk-form-group">
<label class="govuk-label" for="state">Show</label>
<select class="govuk-select" id="state" name="state">
<option value="">Every state</option>
{{#FILTER}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FILTER}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Show</button>
</div>
</form>
</div>
</div>
{{LIST_HTML:none}}
