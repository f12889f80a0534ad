import Joi from 'joi';
import { nullable, uuid } from '../../../shared/http/api/schemas';

/** `file` of a conversation's message: the stored copy of the media a customer sent. */
export const messageFileSchema = Joi.object({
  id: uuid().required().description('GET /media/:id serves the bytes once status is stored'),
  status: Joi.string()
    .valid('pending', 'stored', 'failed')
    .required()
    .description('pending: being downloaded from the provider; failed: it could not be'),
  mimeType: nullable(Joi.string()),
  filename: nullable(Joi.string()),
  sizeBytes: nullable(Joi.number().integer()),
}).label('MessageFile');
