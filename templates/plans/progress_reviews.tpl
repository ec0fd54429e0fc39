{{%AUTOESCAPE context="HTML"}}
{{#NO_REVIEWS}}<p class="govuk-body">No review meetings recorded yet.</p>{{/NO_REVIEWS}}
{{#REVIEW}}
<section class="tandem-goal" aria-labelledby="review-{{ID}}">
<h3 class="govuk-heading-m govuk-!-margin-bottom-2" id="review-{{ID}}">Review of {{HELD}}</h3>
<p class="govuk-body">{{#AGREED}}<strong class="govuk-tag govuk-tag--green">Signed by both</strong>{{/AGREED}}{{#UNSIGNED}}<strong class="govuk-tag govuk-tag--yellow">Waiting for {{WAITS_FOR}}{{#CAN_SIGN}}your signature{{/CAN_SIGN}}</strong>{{/UNSIGNED}} Recorded by {{AUTHOR}}.</p>
<dl class="tandem-facts">
<dt>What was said</dt><dd class="tandem-words">{{NOTES:pre_escape}}</dd>
{{#NEXT_STEPS}}<dt>Next steps agreed</dt><dd class="tandem-words">{{TEXT:pre_escape}}</dd>{{/NEXT_STEPS}}
{{#NEXT_REVIEW}}<dt>Next review</dt><dd>{{DATE}}{{#LATE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/LATE}}</dd>{{/NEXT_REVIEW}}
{{#LEARNER_SIGNED}}<dt>Learner signed</dt><dd>{{BY}}, {{WHEN}}</dd>{{/LEARNER_SIGNED}}
{{#TUTOR_SIGNED}}<dt>Tutor signed</dt><dd>{{BY}}, {{WHEN}}</dd>{{/TUTOR_SIGNED}}
</dl>
{{#CAN_SIGN}}
<form method="post" action="/plans/{{PLAN_ID}}/reviews/{{ID}}/sign" class="govuk-!-margin-top-4">
<!--hole csrf-->
<button type="submit" class="govuk-button">Sign the record of {{HELD}}</button>
</form>
{{/CAN_SIGN}}
</section>
{{/REVIEW}}
