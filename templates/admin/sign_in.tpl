{{%AUTOESCAPE context="HTML"}}
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
<ol class="govuk-breadcrumbs__list">
<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="/admin">Administration</a></li>
</ol>
</nav>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body">
<ul class="govuk-list govuk-error-summary__list">
<li><a href="#{{FIELD}}">{{MESSAGE}}</a></li>
</ul>
</div>
</div>
</div>
{{/ERROR}}
{{#DONE}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{MESSAGE}}</p></div>
</div>
{{/DONE}}
<h1 class="govuk-heading-l">Single sign-on</h1>
<p class="govuk-body">Let people sign in to Tandem with their college account: Microsoft Entra ID (Microsoft 365), Google Workspace, or any OpenID Connect provider. The README says step by step how to register Tandem with Entra ID and with Google.</p>
{{#NOT_CONFIGURED}}<p class="govuk-body">Single sign-on is not set up yet: everyone signs in with a Tandem password.</p>{{/NOT_CONFIGURED}}
{{#CONFIGURED}}<p class="govuk-body">Single sign-on is on. Last changed {{UPDATED}}.</p>{{/CONFIGURED}}
<h2 class="govuk-heading-m">1. Register Tandem with your provider</h2>
<p class="govuk-body">Register Tandem as a web application, with this redirect URI:</p>
<div class="govuk-inset-text"><code id="redirect-uri">{{REDIRECT_URI}}</code></div>
<h2 class="govuk-heading-m">2. Enter what the provider gave you</h2>
<form method="post" action="/admin/sign-in" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group{{#DISPLAY_NAME_ERROR}} govuk-form-group--error{{/DISPLAY_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="display_name">Name on the sign-in button</label>
<div id="display_name-hint" class="govuk-hint">The button will say “Sign in with” and this name, for example Microsoft, Google or Riverside College account.</div>
{{#DISPLAY_NAME_ERROR}}<p id="display_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/DISPLAY_NAME_ERROR}}
<input class="govuk-input govuk-input--width-20{{#DISPLAY_NAME_ERROR}} govuk-input--error{{/DISPLAY_NAME_ERROR}}" id="display_name" name="display_name" type="text" value="{{DISPLAY_NAME}}" maxlength="60" aria-describedby="display_name-hint{{#DISPLAY_NAME_ERROR}} display_name-error{{/DISPLAY_NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#ISSUER_ERROR}} govuk-form-group--error{{/ISSUER_ERROR}}">
<label class="govuk-label govuk-label--s" for="issuer">Issuer URL</label>
<div id="issuer-hint" class="govuk-hint">Microsoft: https://login.microsoftonline.com/your-tenant-id/v2.0 — Google: https://accounts.google.com. Tandem reads the provider’s discovery document from it when you save.</div>
{{#ISSUER_ERROR}}<p id="issuer-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/ISSUER_ERROR}}
<input class="govuk-input{{#ISSUER_ERROR}} govuk-input--error{{/ISSUER_ERROR}}" id="issuer" name="issuer" type="url" value="{{ISSUER}}" maxlength="500" spellcheck="false" autocomplete="off" aria-describedby="issuer-hint{{#ISSUER_ERROR}} issuer-error{{/ISSUER_ERROR}}">
</div>
<div class="govuk-form-group{{#CLIENT_ID_ERROR}} govuk-form-group--error{{/CLIENT_ID_ERROR}}">
<label class="govuk-label govuk-label--s" for="client_id">Client ID</label>
<div id="client_id-hint" class="govuk-hint">Microsoft calls it the application (client) ID.</div>
{{#CLIENT_ID_ERROR}}<p id="client_id-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CLIENT_ID_ERROR}}
<input class="govuk-input{{#CLIENT_ID_ERROR}} govuk-input--error{{/CLIENT_ID_ERROR}}" id="client_id" name="client_id" type="text" value="{{CLIENT_ID}}" maxlength="500" spellcheck="false" autocomplete="off" aria-describedby="client_id-hint{{#CLIENT_ID_ERROR}} client_id-error{{/CLIENT_ID_ERROR}}">
</div>
<div class="govuk-form-group{{#CLIENT_SECRET_ERROR}} govuk-form-group--error{{/CLIENT_SECRET_ERROR}}">
<label class="govuk-label govuk-label--s" for="client_secret">Client secret</label>
{{#SECRET_SET}}<div id="client_secret-hint" class="govuk-hint">A secret is set. Tandem never shows it again. Leave this empty to keep it, or enter a new one to replace it.</div>{{/SECRET_SET}}
{{#SECRET_UNSET}}<div id="client_secret-hint" class="govuk-hint">Microsoft: the secret’s value (not its ID). Tandem keeps it sealed and never shows it again.</div>{{/SECRET_UNSET}}
{{#CLIENT_SECRET_ERROR}}<p id="client_secret-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CLIENT_SECRET_ERROR}}
<input class="govuk-input{{#CLIENT_SECRET_ERROR}} govuk-input--error{{/CLIENT_SECRET_ERROR}}" id="client_secret" name="client_secret" type="password" value="" maxlength="500" autocomplete="new-password" spellcheck="false" aria-describedby="client_secret-hint{{#CLIENT_SECRET_ERROR}} client_secret-error{{/CLIENT_SECRET_ERROR}}">
</div>
<div class="govuk-form-group{{#EMAIL_DOMAINS_ERROR}} govuk-form-group--error{{/EMAIL_DOMAINS_ERROR}}">
<label class="govuk-label govuk-label--s" for="email_domains">Email domains</label>
<div id="email_domains-hint" class="govuk-hint">Separated by commas, for example college.ac.uk, students.college.ac.uk. Only accounts at these domains can sign in, and people who type an address at one of them on the sign-in page are sent to your provider.</div>
{{#EMAIL_DOMAINS_ERROR}}<p id="email_domains-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/EMAIL_DOMAINS_ERROR}}
<input class="govuk-input{{#EMAIL_DOMAINS_ERROR}} govuk-input--error{{/EMAIL_DOMAINS_ERROR}}" id="email_domains" name="email_domains" type="text" value="{{EMAIL_DOMAINS}}" maxlength="1000" spellcheck="false" autocomplete="off" aria-describedby="email_domains-hint{{#EMAIL_DOMAINS_ERROR}} email_domains-error{{/EMAIL_DOMAINS_ERROR}}">
</div>
<div class="govuk-form-group{{#MATCH_CLAIM_ERROR}} govuk-form-group--error{{/MATCH_CLAIM_ERROR}}">
<fieldset class="govuk-fieldset" aria-describedby="match_claim-hint{{#MATCH_CLAIM_ERROR}} match_claim-error{{/MATCH_CLAIM_ERROR}}">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How Tandem finds a person’s account the first time they sign in</legend>
<div id="match_claim-hint" class="govuk-hint">After that, Tandem remembers their account at your provider and no longer looks.</div>
{{#MATCH_CLAIM_ERROR}}<p id="match_claim-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/MATCH_CLAIM_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="match_claim" name="match_claim" type="radio" value="email"{{#CLAIM_EMAIL}} checked{{/CLAIM_EMAIL}} aria-describedby="match_claim-email-hint">
<label class="govuk-label govuk-radios__label" for="match_claim">By email address (the email claim)</label>
<div id="match_claim-email-hint" class="govuk-hint govuk-radios__hint">Their address at the provider is the one in their Tandem account. Right for Google.</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="match_claim-username" name="match_claim" type="radio" value="preferred_username"{{#CLAIM_USERNAME}} checked{{/CLAIM_USERNAME}} aria-describedby="match_claim-username-hint">
<label class="govuk-label govuk-radios__label" for="match_claim-username">By username (the preferred_username claim)</label>
<div id="match_claim-username-hint" class="govuk-hint govuk-radios__hint">Their Tandem username is their sign-in name at the provider, or its part before the @. Right for Entra ID.</div>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="match_claim-other" name="match_claim" type="radio" value="other"{{#CLAIM_OTHER}} checked{{/CLAIM_OTHER}}>
<label class="govuk-label govuk-radios__label" for="match_claim-other">By username, from another claim: name it below</label>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#CLAIM_NAME_ERROR}} govuk-form-group--error{{/CLAIM_NAME_ERROR}}">
<label class="govuk-label govuk-label--s" for="claim_name">Claim name (only for another claim)</label>
<div id="claim_name-hint" class="govuk-hint">For example upn or employee_id.</div>
{{#CLAIM_NAME_ERROR}}<p id="claim_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CLAIM_NAME_ERROR}}
<input class="govuk-input govuk-input--width-20{{#CLAIM_NAME_ERROR}} govuk-input--error{{/CLAIM_NAME_ERROR}}" id="claim_name" name="claim_name" type="text" value="{{CLAIM_NAME}}" maxlength="64" spellcheck="false" autocomplete="off" aria-describedby="claim_name-hint{{#CLAIM_NAME_ERROR}} claim_name-error{{/CLAIM_NAME_ERROR}}">
</div>
<div class="govuk-form-group{{#PASSWORDS_ERROR}} govuk-form-group--error{{/PASSWORDS_ERROR}}">
<fieldset class="govuk-fieldset"{{#PASSWORDS_ERROR}} aria-describedby="passwords-error"{{/PASSWORDS_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Tandem passwords</legend>
{{#PASSWORDS_ERROR}}<p id="passwords-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/PASSWORDS_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="passwords" name="passwords" type="radio" value="on"{{#PASSWORDS_ON}} checked{{/PASSWORDS_ON}}>
<label class="govuk-label govuk-radios__label" for="passwords">People can still sign in with a Tandem password too</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="passwords-off" name="passwords" type="radio" value="off"{{#PASSWORDS_OFF}} checked{{/PASSWORDS_OFF}} aria-describedby="passwords-off-hint">
<label class="govuk-label govuk-radios__label" for="passwords-off">Only single sign-on: Tandem passwords are refused</label>
<div id="passwords-off-hint" class="govuk-hint govuk-radios__hint">Turn this on only once you have signed in with single sign-on yourself: if the provider stops working, nobody at your college can sign in until whoever runs Tandem turns passwords back on (the README says how).</div>
</div>
</div>
</fieldset>
</div>
<div class="govuk-form-group{{#CREATE_ACCOUNTS_ERROR}} govuk-form-group--error{{/CREATE_ACCOUNTS_ERROR}}">
<fieldset class="govuk-fieldset"{{#CREATE_ACCOUNTS_ERROR}} aria-describedby="create_accounts-error"{{/CREATE_ACCOUNTS_ERROR}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Someone without a Tandem account</legend>
{{#CREATE_ACCOUNTS_ERROR}}<p id="create_accounts-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {{MESSAGE}}</p>{{/CREATE_ACCOUNTS_ERROR}}
<div class="govuk-radios" data-module="govuk-radios">
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="create_accounts" name="create_accounts" type="radio" value="off"{{#CREATE_OFF}} checked{{/CREATE_OFF}}>
<label class="govuk-label govuk-radios__label" for="create_accounts">Is refused: add people first, on the People pages or by importing them</label>
</div>
<div class="govuk-radios__item">
<input class="govuk-radios__input" id="create_accounts-on" name="create_accounts" type="radio" value="on"{{#CREATE_ON}} checked{{/CREATE_ON}} aria-describedby="create_accounts-on-hint">
<label class="govuk-label govuk-radios__label" for="create_accounts-on">Gets a student account when they first sign in</label>
<div id="create_accounts-on-hint" class="govuk-hint govuk-radios__hint">Only people at your email domains. Give staff their roles afterwards on the People pages.</div>
</div>
</div>
</fieldset>
</div>
<button type="submit" class="govuk-button">Check and save</button>
</form>
</div>
</div>
