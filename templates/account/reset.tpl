{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#password">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<h1 class="govuk-heading-l">Choose a password</h1>
<p class="govuk-body">Hello {{DISPLAY_NAME}}. Choose the password you will use to sign in to Tandem as <strong>{{USERNAME}}</strong>. This link works once.</p>
<form method="post" action="/reset/{{TOKEN:u}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="text" name="username" value="{{USERNAME}}" autocomplete="username" class="govuk-visually-hidden" tabindex="-1" aria-hidden="true" readonly>
<div class="govuk-form-group">
<label class="govuk-label" for="password">New password</label>
<div class="govuk-hint" id="password-hint">At least 10 characters. A few unrelated words make a strong password that is easy to remember.</div>
<input class="govuk-input govuk-!-width-one-half" id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label" for="confirm">New password again</label>
<input class="govuk-input govuk-!-width-one-half" id="confirm" name="confirm" type="password" autocomplete="new-password">
</div>
<button type="submit" class="govuk-button">Set password</button>
</form>
</div>
</div>
