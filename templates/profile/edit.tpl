{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#display_name">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<h1 class="govuk-heading-l">Your profile</h1>
<p class="govuk-body">People at your college see this on <a class="govuk-link" href="/u/{{USERNAME:u}}">your profile page</a>.</p>
<form method="post" action="/account/profile" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="display_name">Your name</label>
<div class="govuk-hint" id="display_name-hint">The name you want people to use.</div>
<input class="govuk-input govuk-!-width-two-thirds" id="display_name" name="display_name" type="text" value="{{DISPLAY_NAME}}" autocomplete="name" aria-describedby="display_name-hint" maxlength="200">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="pronouns">Pronouns (optional)</label>
<div class="govuk-hint" id="pronouns-hint">For example, she/her, he/him or they/them.</div>
<input class="govuk-input govuk-input--width-10" id="pronouns" name="pronouns" type="text" value="{{PRONOUNS}}" aria-describedby="pronouns-hint" maxlength="40" spellcheck="false">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="bio">About you (optional)</label>
<div class="govuk-hint" id="bio-hint">A few sentences: what you study or teach, what you are working towards. Up to 2,000 characters.</div>
<textarea class="govuk-textarea" id="bio" name="bio" rows="5" aria-describedby="bio-hint" maxlength="2000">{{BIO:pre_escape}}</textarea>
</div>
<button type="submit" class="govuk-button">Save profile</button>
</form>
</div>
</div>
