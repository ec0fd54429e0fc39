{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#username">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
{{#PASSWORD_SET}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your password is set. Sign in with it now.</p></div>
</div>
{{/PASSWORD_SET}}
<h1 class="govuk-heading-l">Sign in to Tandem</h1>
<p class="govuk-body">Use the username and password your college gave you.</p>
<form method="post" action="/login" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="username">Username</label>
<input class="govuk-input govuk-!-width-two-thirds" id="username" name="username" type="text" value="{{USERNAME}}" autocomplete="username" autocapitalize="none" spellcheck="false" required>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="password">Password</label>
<input class="govuk-input govuk-!-width-two-thirds" id="password" name="password" type="password" autocomplete="current-password" required>
</div>
<button type="submit" class="govuk-button">Sign in</button>
</form>
<p class="govuk-body">Forgotten your password? Ask your tutor or your college's Tandem administrator for a new one.</p>
</div>
</div>
