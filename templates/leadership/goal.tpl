{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="/leadership/plans/{{ID}}#goals">{{OWNER}}'s plan for {{YEAR}}</a>
<span class="govuk-caption-l">Development goal</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body"><strong class="govuk-tag{{#OVERDUE}} govuk-tag--red{{/OVERDUE}}">{{STATUS}}{{#OVERDUE}}, past its date{{/OVERDUE}}</strong> By {{DUE}}.{{#HAS_THEME}} Theme: {{THEME}}.{{/HAS_THEME}}{{#CARRIED}} Carried from last year's plan.{{/CARRIED}}</p>
{{#HAS_RESULTS}}<p class="govuk-body">Responds to: {{RESPONDS_TO}}</p>{{/HAS_RESULTS}}
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Specific</dt><dd class="govuk-summary-list__value tandem-words">{{SPECIFIC:pre_escape}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Measurable</dt><dd class="govuk-summary-list__value tandem-words">{{MEASURABLE:pre_escape}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Achievable</dt><dd class="govuk-summary-list__value tandem-words">{{ACHIEVABLE:pre_escape}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Relevant</dt><dd class="govuk-summary-list__value tandem-words">{{RELEVANT:pre_escape}}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Time-bound</dt><dd class="govuk-summary-list__value">By {{DUE}}</dd></div>
</dl>
{{#WRITER}}
<p class="govuk-body"><a class="govuk-link" href="/leadership/plans/{{ID}}/goals/{{GOAL_ID}}/edit">Change the goal</a></p>
<form method="post" action="/leadership/plans/{{ID}}/goals/{{GOAL_ID}}/status" novalidate class="tandem-inline-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="status">Where the goal stands</label>
<select class="govuk-select" id="status" name="status">
{{#STATUS_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_CHOICE}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Change the status</button>
</div>
</form>
{{/WRITER}}
<h2 class="govuk-heading-m">Activities</h2>
{{#WRITER}}<p class="govuk-body"><a class="govuk-link" href="/leadership/plans/{{ID}}/activities/new?goal={{GOAL_ID}}">Add an activity for this goal</a></p>{{/WRITER}}
{{#NO_ACTIVITIES}}<p class="govuk-body">No activities for this goal yet.</p>{{/NO_ACTIVITIES}}
<ul class="govuk-list tandem-activities">
{{#ACTIVITY}}<li><strong>{{TITLE}}</strong> <span class="govuk-tag govuk-tag--grey">{{KIND}}</span> <span class="govuk-tag{{#LATE}} govuk-tag--red{{/LATE}}">{{STATUS}}{{#LATE}}, past its end{{/LATE}}</span>{{#WHEN}} {{TEXT}}{{/WHEN}}{{#DETAILS}}<br><span class="tandem-words">{{TEXT:pre_escape}}</span>{{/DETAILS}}
{{#CHANGE}}<form method="post" action="/leadership/plans/{{ID}}/activities/{{ACTIVITY_ID}}/status?goal={{GOAL_ID}}" novalidate class="tandem-inline-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<label class="govuk-label govuk-visually-hidden" for="activity-{{ACTIVITY_ID}}-status">Status of {{TITLE}}</label>
<select class="govuk-select" id="activity-{{ACTIVITY_ID}}-status" name="status">
{{#STATUS_CHOICE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_CHOICE}}
</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Change<span class="govuk-visually-hidden"> the status of {{TITLE}}</span></button>
</form>{{/CHANGE}}</li>
{{/ACTIVITY}}
</ul>
<h2 class="govuk-heading-m">Reflections</h2>
{{#WRITER}}<p class="govuk-body"><a class="govuk-link" href="/leadership/plans/{{ID}}/reflections/new?goal={{GOAL_ID}}">Write a reflection on this goal</a></p>{{/WRITER}}
{{#NO_REFLECTIONS}}<p class="govuk-body">No reflections on this goal yet.</p>{{/NO_REFLECTIONS}}
{{#REFLECTION}}<article class="tandem-reflection">
<h3 class="govuk-heading-s">{{WRITTEN}}{{#ON_ACTIVITY}}, on “{{ACTIVITY}}”{{/ON_ACTIVITY}}</h3>
{{BODY_HTML:none}}
</article>
{{/REFLECTION}}
<h2 class="govuk-heading-m">Evidence</h2>
{{#NO_EVIDENCE}}<p class="govuk-body">No evidence for this goal yet.</p>{{/NO_EVIDENCE}}
<ul class="govuk-list">
{{#EVIDENCE}}<li><strong>{{TITLE}}</strong>{{#URL}} <a class="govuk-link" href="{{HREF}}">{{HREF}}</a>{{/URL}}{{#FILE}} <a class="govuk-link" href="/files/{{FILE_ID}}/{{FILENAME}}">{{FILENAME}}</a>{{/FILE}}
<div>{{BODY_HTML:none}}</div>
{{#REMOVABLE}}<form method="post" action="/leadership/plans/{{ID}}/evidence/{{LINK_ID}}/remove?goal={{GOAL_ID}}" class="tandem-inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Take out<span class="govuk-visually-hidden"> {{TITLE}}</span></button></form>{{/REMOVABLE}}</li>
{{/EVIDENCE}}
</ul>
{{#WRITER}}
{{#ANY_EVIDENCE}}
<form method="post" action="/leadership/plans/{{ID}}/goals/{{GOAL_ID}}/evidence" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="evidence">Add evidence from your portfolio</label>
<div class="govuk-hint" id="evidence-hint">Whoever reads your plan will see it here.</div>
<select class="govuk-select" id="evidence" name="evidence" aria-describedby="evidence-hint">
{{#MY_EVIDENCE}}<option value="{{EVIDENCE_ID}}">{{TITLE}}</option>
{{/MY_EVIDENCE}}
</select>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Add the evidence</button>
</form>
{{/ANY_EVIDENCE}}
{{#NO_PORTFOLIO}}<p class="govuk-body">To add evidence, first <a class="govuk-link" href="/portfolio/evidence/new">put it in your portfolio</a>.</p>{{/NO_PORTFOLIO}}
{{/WRITER}}
</div>
</div>
