{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#SAVED}}
<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="banner-title" data-module="govuk-notification-banner">
<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="banner-title">Success</h2></div>
<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your choices were saved.</p></div>
</div>
{{/SAVED}}
<a class="govuk-back-link" href="/account">Your account</a>
<h1 class="govuk-heading-l">Email and notifications</h1>
<p class="govuk-body">Everything shows in your <a class="govuk-link" href="/notifications">notifications</a>. Choose what is also emailed to you, at once or in one email a day.</p>
<form method="post" action="/account/notifications" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#CATEGORY}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset"{{#HAS_HINT}} aria-describedby="{{NAME}}-hint"{{/HAS_HINT}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{LABEL}}</legend>
{{#HAS_HINT}}<div class="govuk-hint" id="{{NAME}}-hint">{{HINT}}</div>{{/HAS_HINT}}
<div class="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{NAME}}-app" name="{{NAME}}" type="radio" value="app"{{#APP}} checked{{/APP}}><label class="govuk-label govuk-radios__label" for="{{NAME}}-app">Only in Tandem</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{NAME}}-now" name="{{NAME}}" type="radio" value="now"{{#NOW}} checked{{/NOW}}><label class="govuk-label govuk-radios__label" for="{{NAME}}-now">Email at once</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{NAME}}-digest" name="{{NAME}}" type="radio" value="digest"{{#DIGEST}} checked{{/DIGEST}}><label class="govuk-label govuk-radios__label" for="{{NAME}}-digest">Daily digest</label></div>
</div>
</fieldset>
</div>
{{/CATEGORY}}
<button type="submit" class="govuk-button">Save</button>
</form>
</div>
</div>
