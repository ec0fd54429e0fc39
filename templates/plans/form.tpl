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
{{#EDITING}}<a class="govuk-back-link" href="/plans/{{PLAN_ID}}">Back to the plan</a>{{/EDITING}}
{{#EDITING}}<span class="govuk-caption-l">{{TITLE}}</span>{{/EDITING}}
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#CONFLICT}}
<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Someone proposed version {{NUMBER}} while you were writing. Your text is kept in the form below. Their version is here: bring into the form what you want to keep from it, then propose.</strong></div>
<h2 class="govuk-heading-m">Their version {{NUMBER}}</h2>
<div class="govuk-inset-text tandem-their-version">{{>VERSION_BODY}}</div>
<h2 class="govuk-heading-m">Yours</h2>
{{/CONFLICT}}
{{#TEMPLATES}}
<form method="get" action="/plans/new" class="govuk-!-margin-bottom-6">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="template">Start from a course template</label>
<div class="govuk-hint" id="template-hint">Your course's common plan, written by a tutor, to make your own. Or leave this and start from a blank plan below.</div>
<select class="govuk-select" id="template" name="template" aria-describedby="template-hint">
{{#TEMPLATE}}<option value="{{ID}}">{{NAME}}</option>{{/TEMPLATE}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Use this template</button>
</div>
</form>
{{/TEMPLATES}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#EDITING}}<input type="hidden" name="base" value="{{BASE}}">{{/EDITING}}
{{#CREATING}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="title">Name of the plan</label>
<div class="govuk-hint" id="title-hint">For example: My plan for Level 3 Engineering, 2026/27.</div>
<input class="govuk-input" id="title" name="title" type="text" value="{{TITLE}}" maxlength="200" aria-describedby="title-hint">
</div>
{{/CREATING}}
{{#FROM_TEMPLATE}}
<input type="hidden" name="template" value="{{ID}}">
<div class="govuk-inset-text">This plan starts from {{NAME}}. Change anything to make it fit: the plan can always be compared with the template. <a class="govuk-link" href="/plans/new">Start from a blank plan instead</a></div>
{{/FROM_TEMPLATE}}
{{#CHOOSE_LEARNER}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="learner">Learner</label>
<select class="govuk-select" id="learner" name="learner">
<option value="">Choose a learner</option>
{{#LEARNER_CHOICE}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEARNER_CHOICE}}
</select>
</div>
{{/CHOOSE_LEARNER}}
{{#OTHER_ACCOUNT}}
<h2 class="govuk-heading-s">{{#LEARNER}}Your tutor's view{{/LEARNER}}{{#TUTOR}}In the learner's words{{/TUTOR}}</h2>
<p class="govuk-body tandem-words">{{TEXT:pre_escape}}</p>
{{/OTHER_ACCOUNT}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="account">{{#LEARNER}}In your own words{{/LEARNER}}{{#TUTOR}}Your view as tutor{{/TUTOR}}</label>
<div class="govuk-hint" id="account-hint">{{#LEARNER}}What are you good at? What do you find hard? What interests you? What have you learned before, in college or outside it? What do you want to achieve?{{/LEARNER}}{{#TUTOR}}The learner's strengths and needs as you see them, and what their first assessments showed.{{/TUTOR}}</div>
<textarea class="govuk-textarea" id="account" name="account" rows="6" aria-describedby="account-hint">{{ACCOUNT:pre_escape}}</textarea>
</div>
<h2 class="govuk-heading-m">Goals</h2>
<p class="govuk-body">Write each goal in the learner's words. To remove a goal, empty its boxes.</p>
{{>GOAL_FIELDS}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="support">Support agreed</label>
<div class="govuk-hint" id="support-hint">What the tutor or the college will provide.</div>
<textarea class="govuk-textarea" id="support" name="support" rows="3" aria-describedby="support-hint">{{SUPPORT:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="note">A note for the other side (optional)</label>
<div class="govuk-hint" id="note-hint">What you changed, and why.</div>
<textarea class="govuk-textarea" id="note" name="note" rows="2" aria-describedby="note-hint">{{NOTE:pre_escape}}</textarea>
</div>
<div class="govuk-button-group">
<button type="submit" name="action" value="propose" class="govuk-button">{{#LEARNER}}Propose it to my tutor{{/LEARNER}}{{#TUTOR}}Propose it to the learner{{/TUTOR}}</button>
{{#CAN_DRAFT}}<button type="submit" name="action" value="draft" class="govuk-button govuk-button--secondary">Save as a draft, not yet shown to the other side</button>{{/CAN_DRAFT}}
</div>
</form>
</div>
</div>
