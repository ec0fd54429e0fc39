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
<a class="govuk-back-link" href="/leadership">Leadership plans</a>
<span class="govuk-caption-l">360-degree feedback, {{INSTRUMENT}}</span>
<h1 class="govuk-heading-l">Feedback for {{OWNER}}</h1>
<p class="govuk-body">Opened {{OPENED}}. {{ANSWERS}} of {{INVITED}} colleagues asked have answered.{{#IS_CLOSED}} Closed {{CLOSED}}.{{/IS_CLOSED}}</p>
{{#HAS_PROMPT}}<div class="govuk-inset-text"><p class="govuk-body">{{OWNER}} writes: <span class="tandem-words">{{PROMPT:pre_escape}}</span></p></div>{{/HAS_PROMPT}}
{{#THANKS}}<div class="govuk-panel govuk-panel--confirmation tandem-panel"><h2 class="govuk-panel__title">You have answered</h2><div class="govuk-panel__body">Thank you. Your answer is sealed, and counted with at least two others.</div></div>{{/THANKS}}
{{#ANSWER}}
<h2 class="govuk-heading-m">Your answer</h2>
<p class="govuk-body">Score {{OWNER}} on each scale from {{MIN}} (least) to {{MAX}} (most). Your answer is sealed as you send it and opened only together with at least two others, without your name and in no particular order; {{OWNER}} sees only the whole. Your words can still say who you are: write what you are happy for {{OWNER}} to read. You answer once.</p>
<form method="post" action="/leadership/feedback/{{ROUND_ID}}/answers" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
{{#ITEM}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" id="score-{{ITEM_ID}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{NAME}}</legend>
<div class="govuk-radios govuk-radios--inline govuk-radios--small" data-module="govuk-radios">
{{#CHOICE}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="score-{{ITEM_ID}}-{{VALUE}}" name="score-{{ITEM_ID}}" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="score-{{ITEM_ID}}-{{VALUE}}">{{VALUE}}</label></div>
{{/CHOICE}}
</div>
{{#NUMBER}}<label class="govuk-label govuk-visually-hidden" for="score-{{ITEM_ID}}-n">Score for {{NAME}}</label><input class="govuk-input govuk-input--width-4" id="score-{{ITEM_ID}}-n" name="score-{{ITEM_ID}}" type="text" inputmode="numeric" value="{{VALUE}}">{{/NUMBER}}
</fieldset>
</div>
{{/ITEM}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="comment">A comment (optional)</label>
<div class="govuk-hint" id="comment-hint">What they do well, and what they could do differently. Comments are shown unsigned, in no particular order, counted in groups of at least three.</div>
<textarea class="govuk-textarea" id="comment" name="comment" rows="5" aria-describedby="comment-hint">{{COMMENT:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Send my answer</button>
</form>
{{/ANSWER}}
{{#READER}}
<h2 class="govuk-heading-m">Who was asked</h2>
<ul class="govuk-list govuk-list--bullet">
{{#INVITEE}}<li>{{NAME}}</li>
{{/INVITEE}}
</ul>
<h2 class="govuk-heading-m">What they said</h2>
<p class="govuk-body">{{COUNTED}}</p>
{{>CHART}}
<ul class="govuk-list tandem-comments">
{{#COMMENT}}<li class="tandem-words">{{TEXT:pre_escape}}</li>
{{/COMMENT}}
</ul>
{{/READER}}
{{#CAN_CLOSE}}
<form method="post" action="/leadership/feedback/{{ROUND_ID}}/close"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--warning">Close the round</button></form>
<p class="govuk-body">Closing it stops further answers; with three answers or more, their means join your profile as a result.</p>
{{/CAN_CLOSE}}
</div>
</div>
