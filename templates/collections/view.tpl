{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#MINE}}
<div class="govuk-inset-text">This is your collection as the people you share it with see it. <a class="govuk-link" href="/portfolio/collections/{{ID}}">Change it</a> or <a class="govuk-link" href="/portfolio/collections/{{ID}}/sharing">choose who can see it</a>.</div>
{{/MINE}}
<span class="govuk-caption-l">A collection by {{#OWNER_LINK}}<a class="govuk-link" href="/u/{{USERNAME:u}}">{{OWNER}}</a>{{/OWNER_LINK}}{{#OWNER_PLAIN}}{{OWNER}}{{/OWNER_PLAIN}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
{{#DESCRIPTION}}<div class="tandem-richtext">{{DESCRIPTION_HTML:none}}</div>{{/DESCRIPTION}}
<h2 class="govuk-heading-m">Pages</h2>
{{#HAS_PAGES}}
<ol class="govuk-list govuk-list--number">
{{#PAGE}}<li><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a></li>{{/PAGE}}
</ol>
<a class="govuk-button govuk-button--start" href="{{START}}">Start reading<svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg></a>
{{/HAS_PAGES}}
{{#EMPTY}}<p class="govuk-body">There are no pages in this collection yet.</p>{{/EMPTY}}
</div>
</div>
