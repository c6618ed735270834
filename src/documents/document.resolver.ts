import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ApplicantNode } from '../applicants/applicant.type';
import { OFFICER } from '../auth/roles';
import { reload } from '../common/loader';
import type { Context } from '../context';
import { DocumentKind, DocumentQuality } from './document.entity';
import * as documents from './document.service';
import { DocumentNode } from './document.type';

@Authorized()
@Resolver(() => DocumentNode)
export class DocumentResolver {
  @FieldResolver(() => ApplicantNode)
  applicant(@Root() document: DocumentNode, @Ctx() ctx: Context) {
    return ctx.loaders.applicant.load(document.applicantId);
  }

  @Authorized(OFFICER)
  @Mutation(() => DocumentNode)
  async addDocument(
    @Arg('applicantId', () => ID) applicantId: string,
    @Arg('kind', () => DocumentKind) kind: DocumentKind,
    @Arg('fileName') fileName: string,
    @Arg('quality', () => DocumentQuality, { defaultValue: DocumentQuality.UNCHECKED }) quality: DocumentQuality,
    @Ctx() ctx: Context,
  ) {
    return reload(ctx.loaders.document, await documents.addDocument(ctx, applicantId, kind, fileName, quality));
  }

  @Authorized(OFFICER)
  @Mutation(() => DocumentNode)
  async setDocumentQuality(@Arg('id', () => ID) id: string, @Arg('quality', () => DocumentQuality) quality: DocumentQuality, @Ctx() ctx: Context) {
    return reload(ctx.loaders.document, await documents.setDocumentQuality(ctx, id, quality));
  }

  @Authorized(OFFICER)
  @Mutation(() => ApplicantNode, { description: 'Removes a document; returns its applicant.' })
  async removeDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reload(ctx.loaders.applicant, await documents.removeDocument(ctx, id));
  }
}
