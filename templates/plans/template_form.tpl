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
<a class="govuk-back-link" href="/plans/templates">Course templates</a>
<h1 class="govuk-heading-l">{{HEADING}}</h1>
<p class="govuk-body">Learners of the group start their plans from this, and change what they need to. Plans already started keep the copy they started from.</p>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Name of the template</label>
<div class="govuk-hint" id="title-hint">Learners see it when they start a plan: for example, Level 3 Engineering, 2026/27.</div>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}" maxlength="200" aria-describedby="title-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="cohort">Group</label>
<select class="govuk-select" id="cohort" name="cohort">
<option value="">Choose a group you teach</option>
{{#COHORT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/COHORT}}
</select>
</div>
<h2 class="govuk-heading-m">Goals</h2>
<p class="govuk-body">The goals every learner on the course shares. To remove a goal, empty its boxes.</p>
{{>GOAL_FIELDS}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="support">Support</label>
<div class="govuk-hint" id="support-hint">What the course or the college provides to every learner.</div>
<textarea class="govuk-textarea" id="support" name="support" rows="3" aria-describedby="support-hint">{{SUPPORT:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Save the template</button>
</form>
{{#EDITING}}
<details class="govuk-details">
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Delete this template</span></summary>
<div class="govuk-details__text">
<p class="govuk-body">New plans can no longer start from it. Plans started from it keep their copy.</p>
<form method="post" action="/plans/templates/{{ID}}/delete">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="govuk-button govuk-button--warning">Delete the template</button>
</form>
</div>
</details>
{{/EDITING}}
</div>
</div>
