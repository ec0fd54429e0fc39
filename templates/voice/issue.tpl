{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<a class="govuk-back-link" href="{{BACK}}">{{BACK_TO}}</a>
<span class="govuk-caption-l">Raised by {{RAISER}} for {{COHORT}}, {{RAISED_ON}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<dl class="tandem-facts govuk-!-margin-bottom-6">
<dt>Status</dt><dd><strong class="govuk-tag govuk-tag--{{COLOUR}}">{{STATUS}}</strong>{{#OVERDUE}} <strong class="govuk-tag govuk-tag--red">Overdue</strong>{{/OVERDUE}}</dd>
<dt>Responsible</dt><dd>{{RESPONSIBLE}}</dd>
<dt>Answer due by</dt><dd>{{DUE}}</dd>
{{#POLL}}<dt>From the poll</dt><dd><a class="govuk-link" href="/voice/polls/{{POLL_ID}}/results">{{POLL_TITLE}}</a></dd>{{/POLL}}
</dl>
<h2 class="govuk-heading-m">You said</h2>
<div class="tandem-richtext">{{BODY_HTML:none}}</div>
<h2 class="govuk-heading-m" id="timeline">Timeline</h2>
<ol class="govuk-list tandem-timeline">
{{#EVENT}}<li class="govuk-!-margin-bottom-4"><strong>{{STATUS}}</strong> <span class="tandem-muted">by {{BY}}, {{WHEN}}</span>{{#SAID}}<div class="tandem-richtext govuk-inset-text govuk-!-margin-top-2">{{RESPONSE_HTML:none}}</div>{{/SAID}}</li>
{{/EVENT}}
</ol>
{{#RESPOND}}
<h2 class="govuk-heading-m">We did: your answer</h2>
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#response">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<form method="post" action="/voice/issues/{{ID}}/respond" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Status</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status" name="status" type="radio" value="received"{{#S_received}} checked{{/S_received}}{{#S_raised}} checked{{/S_raised}}><label class="govuk-label govuk-radios__label" for="status">Received</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status-considering" name="status" type="radio" value="considering"{{#S_considering}} checked{{/S_considering}}><label class="govuk-label govuk-radios__label" for="status-considering">Under consideration</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status-accepted" name="status" type="radio" value="accepted"{{#S_accepted}} checked{{/S_accepted}}><label class="govuk-label govuk-radios__label" for="status-accepted">Accepted</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status-not_possible" name="status" type="radio" value="not_possible"{{#S_not_possible}} checked{{/S_not_possible}}><label class="govuk-label govuk-radios__label" for="status-not_possible">Not possible (say why below)</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="status-done" name="status" type="radio" value="done"{{#S_done}} checked{{/S_done}}><label class="govuk-label govuk-radios__label" for="status-done">Done</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="response">Response</label>
<div class="govuk-hint" id="response-hint">What the college did, or will do, and why. Required when it is not possible. You can use Markdown.</div>
<textarea class="govuk-textarea" id="response" name="response" rows="5" aria-describedby="response-hint">{{RESPONSE:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Save the answer</button>
</form>
{{/RESPOND}}
{{#REDATE}}
<h2 class="govuk-heading-m" id="due">Change the date an answer is due</h2>
{{#DUE_ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#due_on">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/DUE_ERROR}}
<form method="post" action="/voice/issues/{{ID}}/due" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#DUE_ERROR}} govuk-form-group--error{{/DUE_ERROR}}">
<label class="govuk-label govuk-label--s" for="due_on">Answer due by</label>
<div class="govuk-hint" id="due_on-hint">A date after today. {{RESPONSIBLE}} will be told.</div>
{{#DUE_ERROR}}<p id="due_on-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DUE_ERROR}}
<input class="govuk-input govuk-input--width-10{{#DUE_ERROR}} govuk-input--error{{/DUE_ERROR}}" id="due_on" name="due_on" type="date" value="{{DUE_ON}}" aria-describedby="due_on-hint{{#DUE_ERROR}} due_on-error{{/DUE_ERROR}}">
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Change the date</button>
</form>
{{/REDATE}}
</div>
</div>
