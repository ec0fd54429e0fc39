{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#username">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<a class="govuk-back-link" href="/leadership/plans/{{ID}}">Your plan for {{YEAR}}</a>
<h1 class="govuk-heading-l">Who reads your plan</h1>
<p class="govuk-body">You{{#MANAGER}} and your line manager, {{NAME}},{{/MANAGER}} always read it. Others read it only if you add them here: a coach or a mentor, for example. They can read it, not change it.</p>
{{#NO_SHARES}}<p class="govuk-body">Nobody else reads it.</p>{{/NO_SHARES}}
<ul class="govuk-list">
{{#SHARE}}<li>{{NAME}} ({{USERNAME}}) <form class="tandem-inline-form" method="post" action="/leadership/plans/{{ID}}/shares/{{USER_ID}}/remove"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">Stop sharing with {{NAME}}</button></form></li>
{{/SHARE}}
</ul>
<form method="post" action="/leadership/plans/{{ID}}/shares" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="username">Share with</label>
<div class="govuk-hint" id="username-hint">Their username, as it shows on their profile. They will be told.</div>
<input class="govuk-input govuk-input--width-20" id="username" name="username" type="text" value="{{USERNAME}}" autocomplete="off" spellcheck="false" aria-describedby="username-hint">
</div>
<button type="submit" class="govuk-button">Share the plan</button>
</form>
</div>
</div>
