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
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<a class="govuk-back-link" href="/plans/{{ID}}/progress#goal-{{KEY}}">Progress</a>
<span class="govuk-caption-l">{{LEARNER}}'s learning plan: {{PLAN_TITLE}}</span>
<h1 class="govuk-heading-l">Goal {{N}}: {{TITLE}}</h1>
<p class="govuk-body"><strong class="govuk-tag {{TAG}}">{{STATUS}}</strong>{{#TARGET}} Target date: {{DATE}}.{{/TARGET}}{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Past target date</strong>{{/OVERDUE}}</p>
<dl class="tandem-facts govuk-!-margin-bottom-6">
<dt>Success looks like</dt><dd class="tandem-words">{{CRITERIA:pre_escape}}</dd>
<dt>Activities</dt><dd class="tandem-words">{{ACTIVITIES:pre_escape}}</dd>
<dt>Assessed by</dt><dd class="tandem-words">{{ASSESSMENT:pre_escape}}</dd>
</dl>
{{#STATUS_FORM}}
<form method="post" action="/plans/{{ID}}/goals/{{KEY}}/status" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 class="govuk-fieldset__heading">Where does this goal stand?</h2></legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
{{#OPTION}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="status-{{I}}" name="status" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="status-{{I}}">{{LABEL}}</label></div>
{{/OPTION}}</div>
</fieldset>
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="note">Why, or what happened (optional)</label>
<textarea class="govuk-textarea" id="note" name="note" rows="2">{{NOTE:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Save where it stands</button>
</form>
{{/STATUS_FORM}}
<h2 class="govuk-heading-m">Evidence</h2>
{{#NO_LINKS}}<p class="govuk-body">No evidence linked yet.</p>{{/NO_LINKS}}
{{#HAS_LINKS}}<ul class="govuk-list">
{{#LINK}}<li><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a> <span class="tandem-muted">({{KIND}})</span>{{#CAN_UNLINK}}
<form method="post" action="/plans/{{ID}}/links/{{LINK_ID}}/remove" class="tandem-inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary tandem-small-button">Take off<span class="govuk-visually-hidden"> {{TITLE}}</span></button></form>{{/CAN_UNLINK}}</li>
{{/LINK}}</ul>{{/HAS_LINKS}}
{{#HIDDEN}}<p class="govuk-body">Linked items not shared with you: {{N}}.</p>{{/HIDDEN}}
{{#LINK_FORM}}
{{#NOTHING_TO_LINK}}<p class="govuk-body">You have no evidence, pages or posts yet. <a class="govuk-link" href="/portfolio">Add some to your portfolio</a>, then link them here.</p>{{/NOTHING_TO_LINK}}
{{#HAS_CHOICES}}
<form method="post" action="/plans/{{ID}}/goals/{{KEY}}/links" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label" for="item">Link your evidence to this goal</label>
<div class="govuk-hint" id="item-hint">Your tutor sees it only if you have shared it with them.</div>
<select class="govuk-select" id="item" name="item" aria-describedby="item-hint">
{{#CHOICE}}<option value="{{VALUE}}">{{LABEL}}</option>{{/CHOICE}}
</select>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Link it</button>
</form>
{{/HAS_CHOICES}}
{{/LINK_FORM}}
<h2 class="govuk-heading-m">Every change</h2>
{{#NO_CHANGES}}<p class="govuk-body">Nobody has said where this goal stands yet.</p>{{/NO_CHANGES}}
<ul class="govuk-list">
{{#CHANGE}}<li><strong>{{STATUS}}</strong>, set by {{BY}} ({{SIDE}}), {{WHEN}}{{#NOTE}}: <span class="tandem-words">{{TEXT:pre_escape}}</span>{{/NOTE}}</li>
{{/CHANGE}}</ul>
</div>
</div>
