{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Your portfolio</h1>
<p class="govuk-body"><a class="govuk-link" href="/submissions">Submissions for assessment</a>: what you have handed to your tutors, and what they said.</p>
<p class="govuk-body">Collect evidence of your learning here: things you have written, made or found, and put it on pages that tell its story. Nobody else sees any of it until you share a page or a collection.</p>
<h2 class="govuk-heading-m">Pages</h2>
{{#HAS_PAGES}}<ul class="govuk-list">{{#PAGE}}<li><a class="govuk-link" href="/portfolio/pages/{{ID}}">{{TITLE}}</a> ({{BLOCKS}}){{#SHARED}} <strong class="govuk-tag govuk-tag--turquoise">Shared</strong>{{/SHARED}}</li>{{/PAGE}}</ul>{{/HAS_PAGES}}
{{#NO_PAGES}}<p class="govuk-body">You have no pages yet.</p>{{/NO_PAGES}}
<a class="govuk-button govuk-button--secondary" href="/portfolio/pages/new">Create a page</a>
<h2 class="govuk-heading-m">Your collections</h2>
{{#HAS_COLLECTIONS}}<ul class="govuk-list">{{#COLLECTION}}<li><a class="govuk-link" href="/portfolio/collections/{{ID}}">{{TITLE}}</a> ({{PAGES}})</li>{{/COLLECTION}}</ul>{{/HAS_COLLECTIONS}}
{{#NO_COLLECTIONS}}<p class="govuk-body">You have no collections yet. A collection puts some of your pages in order, to be read one after another.</p>{{/NO_COLLECTIONS}}
<a class="govuk-button govuk-button--secondary" href="/portfolio/collections/new">Create a collection</a>
<h2 class="govuk-heading-m">Evidence</h2>
<a class="govuk-button" href="/portfolio/evidence/new">Add evidence</a>
</div>
</div>
{{#HAS_TAGS}}
<nav class="tandem-tags" aria-label="Filter by tag">
<h2 class="govuk-heading-s govuk-!-margin-bottom-2">Tags</h2>
<ul class="govuk-list tandem-tags__list">
<li><a class="govuk-link" href="/portfolio">All evidence</a></li>
{{#TAG_FILTER}}<li><a class="govuk-link" href="/portfolio?tag={{TAG:u}}">{{TAG}} ({{COUNT}})</a></li>{{/TAG_FILTER}}
</ul>
</nav>
{{/HAS_TAGS}}
{{#FILTERED}}<h2 class="govuk-heading-m">Evidence tagged “{{TAG}}”</h2>{{/FILTERED}}
{{#ITEMS}}
<div class="tandem-table-scroll" role="region" aria-labelledby="evidence-caption" tabindex="0">
<table class="govuk-table">
<caption id="evidence-caption" class="govuk-table__caption govuk-visually-hidden">Your evidence, newest first</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">
<th scope="col" class="govuk-table__header">Title</th>
<th scope="col" class="govuk-table__header">Kind</th>
<th scope="col" class="govuk-table__header">Tags</th>
<th scope="col" class="govuk-table__header">Date</th>
</tr></thead>
<tbody class="govuk-table__body">
{{#ITEM}}<tr class="govuk-table__row">
<td class="govuk-table__cell"><a class="govuk-link" href="/portfolio/evidence/{{ID}}">{{TITLE}}</a></td>
<td class="govuk-table__cell">{{KIND}}</td>
<td class="govuk-table__cell">{{TAGS}}</td>
<td class="govuk-table__cell">{{DATE}}</td>
</tr>{{/ITEM}}
</tbody>
</table>
</div>
{{/ITEMS}}
{{#EMPTY}}<p class="govuk-body">You have not added any evidence yet. Start with something you are proud of: a piece of work, a photo of something you made, or a link to a project.</p>{{/EMPTY}}
{{#NO_MATCH}}<p class="govuk-body">None of your evidence has that tag. <a class="govuk-link" href="/portfolio">See all your evidence</a>.</p>{{/NO_MATCH}}
