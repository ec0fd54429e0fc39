{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-body" aria-label="Parts of the plan"><ul class="govuk-list tandem-inline-list">
<li><a class="govuk-link" href="#profile">Profile</a></li>
<li><a class="govuk-link" href="#goals">Goals</a></li>
<li><a class="govuk-link" href="#activities">Activities</a></li>
<li><a class="govuk-link" href="#reflections">Reflections</a></li>
<li><a class="govuk-link" href="#evidence">Evidence</a></li>
<li><a class="govuk-link" href="#reviews">Reviews</a></li>
<li><a class="govuk-link" href="#feedback">360-degree feedback</a></li>
</ul></nav>

<h2 class="govuk-heading-m" id="profile">Profile</h2>
{{#CAN_WRITE}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/leadership/plans/{{ID}}/results/new">Record a result</a></p>{{/CAN_WRITE}}
{{#NO_RESULTS}}<p class="govuk-body">No psychometric results are recorded yet.</p>{{/NO_RESULTS}}
{{#RESULT}}
<div class="tandem-result" id="result-{{RESULT_ID}}">
<h3 class="govuk-heading-s">{{INSTRUMENT}}, {{TAKEN}}{{#FEEDBACK}} <strong class="govuk-tag govuk-tag--turquoise">360-degree feedback: mean of {{N}} answers</strong>{{/FEEDBACK}}</h3>
{{#TYPE}}<p class="govuk-body">Type: <strong>{{NAME}}</strong></p>{{/TYPE}}
{{>CHART}}
{{#NOTES}}<p class="govuk-body tandem-words">{{TEXT:pre_escape}}</p>{{/NOTES}}
{{#REPORT}}<p class="govuk-body">Report: <a class="govuk-link" href="/files/{{FILE_ID}}/{{FILENAME}}">{{FILENAME}}</a></p>{{/REPORT}}
</div>
{{/RESULT}}

<h2 class="govuk-heading-m" id="goals">Development goals</h2>
{{#CAN_WRITE}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/leadership/plans/{{ID}}/goals/new">Set a goal</a></p>{{/CAN_WRITE}}
{{#NO_GOALS}}<p class="govuk-body">No goals are set yet.</p>{{/NO_GOALS}}
{{#ANY_GOALS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="goals-caption" tabindex="0">
<table class="govuk-table">
<caption id="goals-caption" class="govuk-visually-hidden">Development goals: open one for its SMART parts, activities, reflections and evidence</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Goal</th><th scope="col" class="govuk-table__header">Where it stands</th><th scope="col" class="govuk-table__header">By</th></tr></thead>
<tbody class="govuk-table__body">
{{#GOAL}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/leadership/plans/{{ID}}/goals/{{GOAL_ID}}">{{TITLE}}</a>{{#HAS_THEME}}<br><span class="tandem-by">Theme: {{THEME}}</span>{{/HAS_THEME}}{{#HAS_RESULTS}}<br><span class="tandem-by">Responds to: {{RESPONDS_TO}}</span>{{/HAS_RESULTS}}{{#CARRIED}}<br><span class="tandem-by">Carried from last year's plan</span>{{/CARRIED}}</td><td class="govuk-table__cell"><strong class="govuk-tag{{#OVERDUE}} govuk-tag--red{{/OVERDUE}}">{{STATUS}}{{#OVERDUE}}, past its date{{/OVERDUE}}</strong></td><td class="govuk-table__cell">{{DUE}}</td></tr>
{{/GOAL}}
</tbody>
</table>
</div>
{{/ANY_GOALS}}

<h2 class="govuk-heading-m" id="activities">Development activities</h2>
{{#CAN_WRITE}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/leadership/plans/{{ID}}/activities/new">Add an activity</a></p>{{/CAN_WRITE}}
{{#NO_ACTIVITIES}}<p class="govuk-body">No activities are planned yet.</p>{{/NO_ACTIVITIES}}
<ul class="govuk-list tandem-activities">
{{#ACTIVITY}}<li><strong>{{TITLE}}</strong> <span class="govuk-tag govuk-tag--grey">{{KIND}}</span> <span class="govuk-tag{{#LATE}} govuk-tag--red{{/LATE}}">{{STATUS}}{{#LATE}}, past its end{{/LATE}}</span>{{#WHEN}} {{TEXT}}{{/WHEN}}{{#FOR_GOAL}}<br>For the goal: {{GOAL}}{{/FOR_GOAL}}{{#DETAILS}}<br><span class="tandem-words">{{TEXT:pre_escape}}</span>{{/DETAILS}}</li>
{{/ACTIVITY}}
</ul>

<h2 class="govuk-heading-m" id="reflections">Reflections</h2>
{{#CAN_WRITE}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/leadership/plans/{{ID}}/reflections/new">Write a reflection</a></p>{{/CAN_WRITE}}
{{#NO_REFLECTIONS}}<p class="govuk-body">No reflections are written yet.</p>{{/NO_REFLECTIONS}}
{{#REFLECTION}}<article class="tandem-reflection">
<h3 class="govuk-heading-s">{{WRITTEN}}{{#ON_GOAL}}, on the goal “{{GOAL}}”{{/ON_GOAL}}{{#ON_ACTIVITY}}, on “{{ACTIVITY}}”{{/ON_ACTIVITY}}</h3>
{{BODY_HTML:none}}
</article>
{{/REFLECTION}}

<h2 class="govuk-heading-m" id="evidence">Evidence</h2>
{{#NO_EVIDENCE}}<p class="govuk-body">No evidence is in the plan yet.{{#CAN_WRITE}} Add evidence from your portfolio on a goal's page.{{/CAN_WRITE}}</p>{{/NO_EVIDENCE}}
<ul class="govuk-list">
{{#EVIDENCE}}<li><strong>{{TITLE}}</strong>{{#FOR_GOAL}} (for the goal “{{GOAL}}”){{/FOR_GOAL}}{{#URL}} <a class="govuk-link" href="{{HREF}}">{{HREF}}</a>{{/URL}}{{#FILE}} <a class="govuk-link" href="/files/{{FILE_ID}}/{{FILENAME}}">{{FILENAME}}</a>{{/FILE}}</li>
{{/EVIDENCE}}
</ul>

<h2 class="govuk-heading-m" id="reviews">Reviews with the line manager</h2>
{{#CAN_REVIEW}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/leadership/plans/{{ID}}/reviews/new">Record a review meeting</a></p>{{/CAN_REVIEW}}
{{#NEXT_REVIEW}}<p class="govuk-body">Next review: {{DATE}}{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}</p>{{/NEXT_REVIEW}}
{{#NO_REVIEWS}}<p class="govuk-body">No review meetings are recorded yet.</p>{{/NO_REVIEWS}}
<ul class="govuk-list">
{{#REVIEW}}<li><a class="govuk-link" href="/leadership/plans/{{ID}}/reviews/{{REVIEW_ID}}">Review on {{HELD}} with {{MANAGER}}</a>: {{SIGNED}}{{#YOURS_TO_SIGN}} <strong class="govuk-tag govuk-tag--yellow">Waiting for your signature</strong>{{/YOURS_TO_SIGN}}{{#OPEN_ACTIONS}}; {{N}} action{{#PLURAL}}s{{/PLURAL}} open{{/OPEN_ACTIONS}}</li>
{{/REVIEW}}
</ul>

<h2 class="govuk-heading-m" id="feedback">360-degree feedback</h2>
{{#CAN_WRITE}}<p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/leadership/plans/{{ID}}/feedback/new">Ask colleagues for feedback</a></p>{{/CAN_WRITE}}
{{#NO_ROUNDS}}<p class="govuk-body">No feedback rounds yet.</p>{{/NO_ROUNDS}}
<ul class="govuk-list">
{{#ROUND}}<li><a class="govuk-link" href="/leadership/feedback/{{ROUND_ID}}">{{INSTRUMENT}}, opened {{OPENED}}</a>: {{ANSWERED}} of {{INVITED}} answered{{#OPEN}} <strong class="govuk-tag">Open</strong>{{/OPEN}}{{#CLOSED}} <strong class="govuk-tag govuk-tag--grey">Closed {{DATE}}</strong>{{/CLOSED}}</li>
{{/ROUND}}
</ul>
