{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Search blogs</h1>
<form method="get" action="/blog/search" role="search">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="q">Words to find</label>
<div class="govuk-hint" id="q-hint">{{#COLLEGE}}In the posts you can read at {{NAME}}.{{/COLLEGE}}{{#EVERYONE}}In every post shared with everyone.{{/EVERYONE}} Put a phrase in "quotes"; put - before a word to leave it out.</div>
<input class="govuk-input" id="q" name="q" type="search" value="{{WORDS}}" aria-describedby="q-hint">
</div>
<button type="submit" class="govuk-button">Search</button>
</form>
{{#RESULTS}}<h2 class="govuk-heading-m">Posts that match, best first</h2>{{>POSTS}}{{/RESULTS}}
{{#NO_MATCHES}}<p class="govuk-body">No posts you can read match those words.</p>{{/NO_MATCHES}}
</div>
</div>
