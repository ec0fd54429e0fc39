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
<a class="govuk-back-link" href="/mentoring">Mentoring</a>
<h1 class="govuk-heading-l">{{HEADING}}</h1>
{{#MENTEE}}<p class="govuk-body">They will be asked, and told what you want the mentoring for. Once they accept, you can write to each other.</p>{{/MENTEE}}
{{#STAFF}}<p class="govuk-body">Set up for a learner you teach, the mentorship starts at once and both people are told. You can also ask someone to mentor you.</p>{{/STAFF}}
<form method="post" action="/mentoring" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="mentor">{{#MENTEE}}Who would you like as your mentor?{{/MENTEE}}{{#STAFF}}The mentor{{/STAFF}}</label>
<div class="govuk-hint" id="mentor-hint">Their username, as it shows on their profile: for example, priya.</div>
<input class="govuk-input govuk-input--width-20" id="mentor" name="mentor" type="text" value="{{MENTOR}}" autocomplete="off" spellcheck="false" aria-describedby="mentor-hint">
</div>
{{#STAFF}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="mentee">The mentee (optional)</label>
<div class="govuk-hint" id="mentee-hint">The username of a learner you teach. Leave it empty to ask the mentor to mentor you: they will be asked, and can accept or decline.</div>
<input class="govuk-input govuk-input--width-20" id="mentee" name="mentee" type="text" value="{{MENTEE}}" autocomplete="off" spellcheck="false" aria-describedby="mentee-hint">
</div>
{{/STAFF}}
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="purpose">What is the mentoring for?</label>
<div class="govuk-hint" id="purpose-hint">For example: getting ready for university interviews; settling in at college.</div>
<textarea class="govuk-textarea" id="purpose" name="purpose" rows="3" aria-describedby="purpose-hint">{{PURPOSE:pre_escape}}</textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="starts_on">Start date (optional)</label>
<div class="govuk-hint" id="starts_on-hint">Today, if you leave it empty.</div>
<input class="govuk-input govuk-input--width-10" id="starts_on" name="starts_on" type="date" value="{{STARTS}}" aria-describedby="starts_on-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="ends_on">End date (optional)</label>
<input class="govuk-input govuk-input--width-10" id="ends_on" name="ends_on" type="date" value="{{ENDS}}">
</div>
<button type="submit" class="govuk-button">{{#MENTEE}}Ask them{{/MENTEE}}{{#STAFF}}Set it up, or ask{{/STAFF}}</button>
</form>
</div>
</div>
