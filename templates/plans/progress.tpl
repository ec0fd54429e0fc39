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
<a class="govuk-back-link" href="/plans/{{ID}}">Back to the plan</a>
<span class="govuk-caption-l">{{LEARNER}}'s learning plan: {{TITLE}}</span>
<h1 class="govuk-heading-l">Progress</h1>
{{#NOT_AGREED}}<div class="govuk-inset-text">Progress is kept once you have both agreed a version of the plan. Until then, there are no goals in force.</div>{{/NOT_AGREED}}
{{#AGREED}}<p class="govuk-body">The goals of version {{NUMBER}}, agreed and in force. Open a goal to say where it stands or, for the learner, to link evidence to it. Everyone sees only the evidence already shared with them.</p>{{/AGREED}}
{{#GOAL}}{{BEFORE_HTML:none}}
{{#NO_LINKS}}<p class="govuk-body">No evidence linked yet.</p>{{/NO_LINKS}}
{{#HAS_LINKS}}<ul class="govuk-list">
{{#LINK}}<li><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a> <span class="tandem-muted">({{KIND}})</span></li>
{{/LINK}}</ul>{{/HAS_LINKS}}
{{#HIDDEN}}<p class="govuk-body-s">Linked items not shared with you: {{N}}.</p>{{/HIDDEN}}
{{/GOAL}}{{GOALS_REST_HTML:none}}
<h2 class="govuk-heading-l govuk-!-margin-top-8" id="reviews">Review meetings</h2>
{{#REVIEWS_PART}}{{BEFORE_HTML:none}}<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">{{/REVIEWS_PART}}{{REVIEWS_REST_HTML:none}}
{{#REVIEW_FORM}}
<h3 class="govuk-heading-m">Record a review meeting</h3>
<p class="govuk-body">Recording it signs it for your side; the other side is asked to sign it too.</p>
<form method="post" action="/plans/{{ID}}/reviews" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="held_on">Date of the meeting</label>
<input class="govuk-input govuk-input--width-10" id="held_on" name="held_on" type="date" value="{{HELD_ON}}">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="notes">What was said</label>
<textarea class="govuk-textarea" id="notes" name="notes" rows="5">{{NOTES:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="next_steps">Next steps agreed</label>
<textarea class="govuk-textarea" id="next_steps" name="next_steps" rows="3">{{NEXT_STEPS:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="next_review">Date of the next review (optional)</label>
<input class="govuk-input govuk-input--width-10" id="next_review" name="next_review" type="date" value="{{NEXT_REVIEW}}">
</div>
<button type="submit" class="govuk-button">Record the review and sign it</button>
</form>
{{/REVIEW_FORM}}
</div>
</div>
